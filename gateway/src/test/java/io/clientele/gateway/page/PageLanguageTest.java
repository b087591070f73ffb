package io.clientele.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PageLanguageTest {

    @Test
    void theCustomersLanguageComesFirstThenTheSitesThenEnglish() {
        assertThat(PageLanguage.choose("fr", Locale.ENGLISH)).isEqualTo(Locale.FRENCH);
        assertThat(PageLanguage.choose("fr-CA", Locale.ENGLISH)).isEqualTo(Locale.FRENCH);
        assertThat(PageLanguage.choose("de", Locale.FRENCH)).isEqualTo(Locale.FRENCH);
        assertThat(PageLanguage.choose(null, Locale.forLanguageTag("fr-CA"))).isEqualTo(Locale.FRENCH);
        assertThat(PageLanguage.choose("<script>", Locale.GERMAN)).isEqualTo(Locale.ENGLISH);
    }
}
