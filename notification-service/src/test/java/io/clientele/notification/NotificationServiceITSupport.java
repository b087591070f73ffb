package io.clientele.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.clientele.events.SiteUpdated;
import io.clientele.platform.embedded.FreePorts;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.testing.ServiceITSupport;
import java.time.Instant;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of notification-service's integration tests: the service sends to a real SMTP server (GreenMail). */
public abstract class NotificationServiceITSupport extends ServiceITSupport {

    protected static final GreenMail SMTP = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        properties.add("clientele.notification.first-retry-delay", () -> "200ms");
        properties.add("clientele.notification.max-retry-delay", () -> "1s");
    }

    protected static SiteUpdated site(String siteId, String ownerEmail) {
        return SiteUpdated.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setName("The " + siteId + " site")
                .setOwnerEmail(ownerEmail)
                .setLocale("en")
                .setSenderName("The " + siteId + " team")
                .build();
    }
}
