package io.clientele.notification;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.clientele.events.ContentType;
import io.clientele.events.CustomerPreferencesChanged;
import io.clientele.events.SiteUpdated;
import io.clientele.platform.embedded.FreePorts;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.testing.ServiceITSupport;
import io.clientele.schemas.Topics;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
        properties.add("clientele.notification.max-attempts", () -> "5");
        properties.add("clientele.notification.sending-domains", () -> "mail.clientele.test");
        properties.add("clientele.notification.owner-mails-per-window", () -> "3");
        properties.add("clientele.notification.owner-digest-window", () -> "3s");
        properties.add("clientele.notification.public-base-url", () -> "https://pages.example.test");
        properties.add("clientele.notification.admin-base-url", () -> "https://admin.example.test");
        properties.add("clientele.notification.tracking-base-url", () -> "https://track.example.test");
    }

    /** Publishes the site's settings and waits until notification-service knows them. */
    protected void siteKnown(String siteId, String ownerEmail, String locale) {
        SiteUpdated site = site(siteId, ownerEmail);
        site.setLocale(locale);
        publish(Topics.SITE_EVENTS, siteId, site);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) AS n FROM sites WHERE site_id = '" + siteId + "' AND locale = '" + locale + "'") == 1);
    }

    /** Publishes how a customer wants to be reached and waits until notification-service knows it. */
    protected void customerPrefers(String siteId, String customerId, ContentType contentType, String smsNumber,
                                   String locale, boolean marketingOptIn) {
        publish(Topics.CUSTOMER_EVENTS, customerId, CustomerPreferencesChanged.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(Instant.now()).setSiteId(siteId)
                .setCustomerId(customerId).setSmsNumber(smsNumber).setLocale(locale)
                .setPreferredContentType(contentType).setMarketingOptIn(marketingOptIn).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) AS n FROM customers WHERE customer_id = '"
                + customerId + "' AND content_type = '" + contentType + "'") == 1);
    }

    protected static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails the SMTP server received for the recipient. */
    protected static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().equals(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits for the one mail the recipient should receive. */
    protected static MimeMessage theMailTo(String recipient) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(recipient), mails -> !mails.isEmpty()).getFirst();
    }

    /** The decoded part of the mail with this MIME type (text/plain or text/html), or null when it has none. */
    protected static String part(MimeMessage mail, String mimeType) {
        try {
            return part((Part) mail, mimeType);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
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
