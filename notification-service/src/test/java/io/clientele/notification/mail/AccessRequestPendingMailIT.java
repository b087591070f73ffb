package io.clientele.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.clientele.events.AccessRequested;
import io.clientele.events.NotificationSent;
import io.clientele.notification.NotificationServiceITSupport;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessRequestPendingMailIT extends NotificationServiceITSupport {

    @Test
    void theOwnerIsToldOnceOfAPendingAccessRequest() throws Exception {
        publish(Topics.SITE_EVENTS, "gallery", site("gallery", "curator@gallery.test"));
        AccessRequested requested = requested("gallery", "Grace", "Hopper");

        publish(Topics.ACCESS_EVENTS, requested.getCustomerId(), requested);
        publish(Topics.ACCESS_EVENTS, requested.getCustomerId(), requested);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("curator@gallery.test"), m -> !m.isEmpty())
                .getFirst();
        assertThat(mail.getSubject()).isEqualTo("New access request on The gallery site from Grace Hopper <grace@visitors.test>");
        assertThat(mail.getFrom()[0].toString()).contains("The gallery team");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("asked for access to the page \"vault\"")
                .contains("/sites/gallery/access-requests/" + requested.getRequestId());

        http.get().uri("/api/v1/sites/gallery/notifications").headers(h -> h.setBearerAuth(tokenFor("gallery"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].status").isEqualTo("SENT")
                .jsonPath("$.items[0].recipient").isEqualTo("curator@gallery.test")
                .jsonPath("$.items[0].template").isEqualTo("access-request-pending")
                .jsonPath("$.items[0].attempts").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(Topics.NOTIFICATION_EVENTS))
                .anySatisfy(record -> assertThat(record.value()).isInstanceOfSatisfying(NotificationSent.class,
                        sent -> assertThat(sent.getRecipient()).isEqualTo("curator@gallery.test"))));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(mailsTo("curator@gallery.test")).as("no second e-mail").hasSize(1));
    }

    @Test
    void aRequestThatArrivesBeforeTheSiteSettingsWaitsForThem() {
        AccessRequested requested = requested("late-site", "Alan", "Turing");
        publish(Topics.ACCESS_EVENTS, requested.getCustomerId(), requested);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(count(
                "SELECT count(*) AS n FROM outgoing_mail WHERE site_id = 'late-site' AND attempts > 0 AND status = 'QUEUED'"))
                .isEqualTo(1));
        assertThat(mailsTo("owner@late-site.test")).isEmpty();

        publish(Topics.SITE_EVENTS, "late-site", site("late-site", "owner@late-site.test"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo("owner@late-site.test")).hasSize(1));
    }

    @Test
    void aMailTheSmtpServerCannotTakeIsRetriedUntilItCan() {
        publish(Topics.SITE_EVENTS, "retry-site", site("retry-site", "owner@retry-site.test"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) AS n FROM sites WHERE site_id = 'retry-site'") == 1);
        SMTP.stop();
        try {
            AccessRequested requested = requested("retry-site", "Ada", "Byron");
            publish(Topics.ACCESS_EVENTS, requested.getCustomerId(), requested);
            await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                    SELECT count(*) AS n FROM outgoing_mail
                    WHERE site_id = 'retry-site' AND status = 'QUEUED' AND attempts > 0 AND last_error IS NOT NULL""") == 1);
        } finally {
            SMTP.start();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo("owner@retry-site.test")).hasSize(1));
        http.get().uri("/api/v1/sites/retry-site/notifications").headers(h -> h.setBearerAuth(tokenFor("retry-site"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].status").isEqualTo("SENT")
                .jsonPath("$.items[0].attempts").value(attempts -> assertThat((Integer) attempts).isGreaterThan(1));
    }

    @Test
    void theDeliveryLogIsPerSite() {
        http.get().uri("/api/v1/sites/gallery/notifications").headers(h -> h.setBearerAuth(tokenFor("another"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/sites/gallery/notifications?status=LOST").headers(h -> h.setBearerAuth(tokenFor("gallery")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    private static AccessRequested requested(String siteId, String firstName, String lastName) {
        return AccessRequested.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setRequestId(UUID.randomUUID().toString())
                .setCustomerId(UUID.randomUUID().toString())
                .setPageId("vault")
                .setEmail(firstName.toLowerCase() + "@visitors.test")
                .setFirstName(firstName)
                .setLastName(lastName)
                .build();
    }

    private static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().equals(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
