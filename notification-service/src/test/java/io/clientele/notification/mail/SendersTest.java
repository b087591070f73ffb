package io.clientele.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SendersTest {

    private final Senders senders = new Senders("no-reply@clientele.example", List.of("sites.clientele.example", "Gallery.Test"));

    @Test
    void aSiteAddressInASendingDomainIsTheFrom() {
        assertThat(senders.of("hello@gallery.test")).isEqualTo(new Senders.Sender("hello@gallery.test", null));
        assertThat(senders.of("news@sites.clientele.example"))
                .isEqualTo(new Senders.Sender("news@sites.clientele.example", null));
    }

    @Test
    void anyOtherSiteAddressIsTheReplyToOfThePlatformsSender() {
        assertThat(senders.of("ceo@bank.example")).isEqualTo(new Senders.Sender("no-reply@clientele.example", "ceo@bank.example"));
        assertThat(senders.of("x@evil.gallery.test")).isEqualTo(new Senders.Sender("no-reply@clientele.example", "x@evil.gallery.test"));
    }

    @Test
    void aSiteWithoutAnAddressSendsFromThePlatform() {
        assertThat(senders.of(null)).isEqualTo(new Senders.Sender("no-reply@clientele.example", null));
    }
}
