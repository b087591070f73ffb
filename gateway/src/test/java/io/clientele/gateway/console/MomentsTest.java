package io.clientele.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MomentsTest {

    @Test
    void aTimeIsWrittenAsTheReadersLanguageWritesItInUtc() {
        assertThat(new ConsoleDialect.Moments(Locale.FRENCH).of("2026-12-04T14:05:09.123Z")).isEqualTo("4 déc. 2026 14:05 UTC");
        assertThat(new ConsoleDialect.Moments(Locale.UK).of("2026-12-04T14:05:09Z")).isEqualTo("4 Dec 2026, 14:05 UTC");
    }

    @Test
    void whatIsNoTimeStaysAsItIs() {
        assertThat(new ConsoleDialect.Moments(Locale.ENGLISH).of("soon")).isEqualTo("soon");
        assertThat(new ConsoleDialect.Moments(Locale.ENGLISH).of(null)).isEmpty();
    }
}
