package io.clientele.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextInputTest {

    @Test
    void printableTextTabsAndLineBreaksAreAccepted() {
        assertThat(TextInput.acceptable("Hélène Dupont\tnote\r\nsecond line 😀")).isTrue();
        assertThat(TextInput.acceptableOnOneLine("Hélène 😀")).isTrue();
    }

    @Test
    void controlCharactersAndHalfSurrogatesAreRefused() {
        assertThat(TextInput.acceptable("a\u0000b")).isFalse();
        assertThat(TextInput.acceptable("bell\u0007")).isFalse();
        assertThat(TextInput.acceptable("delete\u007f")).isFalse();
        assertThat(TextInput.acceptable("c1\u0085")).isFalse();
        assertThat(TextInput.acceptable("half \ud83d")).isFalse();
        assertThat(TextInput.acceptable("\ude00 half")).isFalse();
    }

    @Test
    void oneLineTextTakesNoLineBreaks() {
        assertThat(TextInput.acceptableOnOneLine("two\nlines")).isFalse();
        assertThat(TextInput.acceptableOnOneLine("tab\there")).isFalse();
    }

    @Test
    void storableTextKeepsWhatIsAcceptableAndMarksTheRest() {
        assertThat(TextInput.storable("Zoé\u0000 😀\tok")).isEqualTo("Zoé\uFFFD 😀\tok");
        assertThat(TextInput.storable("half \ud83d")).isEqualTo("half \uFFFD");
        assertThat(TextInput.storable("clean")).isEqualTo("clean");
    }
}
