package io.clientele.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.events.AccessApproved;
import io.clientele.events.ContentType;
import io.clientele.events.EmailOpened;
import io.clientele.notification.NotificationServiceITSupport;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A customer's mail follows their preferred content type; opening an HTML mail is tracked. */
class ContentTypesIT extends NotificationServiceITSupport {

    private static final Pattern PIXEL = Pattern.compile("https://track\\.example\\.test(/api/v1/tracking/opens/[\\w-]+\\.gif)");

    @BeforeEach
    void site() {
        siteKnown("studio", "owner@studio.test", "en");
    }

    @Test
    void htmlPreferenceGetsHtmlOnly() throws Exception {
        MimeMessage mail = approvedMailFor("html@studio.test", ContentType.HTML, null);

        assertThat(mail.getContentType()).startsWith("text/html");
        assertThat(part(mail, "text/html")).contains("Your request to see").containsPattern(PIXEL);
    }

    @Test
    void textPreferenceGetsPlainTextOnlyWithoutPixel() throws Exception {
        MimeMessage mail = approvedMailFor("text@studio.test", ContentType.TEXT, null);

        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat(part(mail, "text/plain")).contains("was approved").doesNotContain("tracking");
    }

    @Test
    void anUnknownPreferenceGetsBothAsAlternativesAndTheFirstOpenTellsCustomerServiceOnce() throws Exception {
        String customerId = UUID.randomUUID().toString();
        MimeMessage mail = approvedMailFor(customerId, "unknown@studio.test", ContentType.UNKNOWN, null);

        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(part(mail, "text/plain")).contains("was approved");
        Matcher pixel = PIXEL.matcher(part(mail, "text/html"));
        assertThat(pixel.find()).isTrue();

        for (int open = 0; open < 2; open++) {
            http.get().uri(pixel.group(1)).exchange().expectStatus().isOk()
                    .expectHeader().contentType(MediaType.IMAGE_GIF);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(opensOf(customerId)).singleElement()
                .satisfies(opened -> {
                    assertThat(opened.getPreferenceWasUnknown()).isTrue();
                    assertThat(opened.getTemplate()).isEqualTo("access-approved");
                }));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(opensOf(customerId)).hasSize(1));
        http.get().uri("/api/v1/sites/studio/notifications?recipient=unknown@studio.test")
                .headers(h -> h.setBearerAuth(tokenFor("studio"))).exchange()
                .expectBody().jsonPath("$.items[0].openedAt").isNotEmpty()
                .jsonPath("$.items[0].contentType").isEqualTo("MULTIPART");
    }

    @Test
    void aPixelOfNoMailStillAnswersAndChangesNothing() {
        http.get().uri("/api/v1/tracking/opens/not-a-real-token.gif").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_GIF);
    }

    @Test
    void shortTextPreferenceGoesAsAnSmsRecordedInTheDeliveryLog() {
        String customerId = UUID.randomUUID().toString();
        customerPrefers("studio", customerId, ContentType.SHORT_TEXT, "+33612345678", "en", false);

        publish(Topics.ACCESS_EVENTS, customerId, approved(customerId, "sms@studio.test"));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                SELECT count(*) AS n FROM outgoing_mail WHERE customer_id = '%s' AND status = 'SENT'
                  AND channel = 'SMS' AND recipient = '+33612345678'""".formatted(customerId)) == 1);
        assertThat(mailsTo("sms@studio.test")).isEmpty();
        http.get().uri("/api/v1/sites/studio/notifications?recipient={number}", "+33612345678")
                .headers(h -> h.setBearerAuth(tokenFor("studio"))).exchange()
                .expectBody()
                .jsonPath("$.items[0].channel").isEqualTo("SMS")
                .jsonPath("$.items[0].subject").value(text -> assertThat(text.toString())
                        .startsWith("The studio site: your access to members is approved https://pages.example.test/"));
    }

    private MimeMessage approvedMailFor(String email, ContentType preference, String smsNumber) {
        return approvedMailFor(UUID.randomUUID().toString(), email, preference, smsNumber);
    }

    private MimeMessage approvedMailFor(String customerId, String email, ContentType preference, String smsNumber) {
        customerPrefers("studio", customerId, preference, smsNumber, "en", false);
        publish(Topics.ACCESS_EVENTS, customerId, approved(customerId, email));
        return theMailTo(email);
    }

    private static AccessApproved approved(String customerId, String email) {
        return AccessApproved.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now()).setSiteId("studio")
                .setRequestId(UUID.randomUUID().toString()).setCustomerId(customerId).setEmail(email)
                .setPageId("members").setGroups(List.of("members")).build();
    }

    private static List<EmailOpened> opensOf(String customerId) {
        return events(Topics.NOTIFICATION_EVENTS).stream().map(record -> record.value())
                .filter(EmailOpened.class::isInstance).map(EmailOpened.class::cast)
                .filter(opened -> opened.getCustomerId().equals(customerId)).toList();
    }
}
