package io.clientele.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.events.AccessRequested;
import io.clientele.events.ConsentConfirmed;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.SignupChannel;
import io.clientele.notification.NotificationServiceITSupport;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The queue: retries, failure and resend, marketing consent, and the delivery log. */
class DeliveryIT extends NotificationServiceITSupport {

    // Customer ids are UUIDs, as customer-service gives them: a marketing mail's unsubscribe link is signed for one.
    private static final String C_OUT = UUID.randomUUID().toString();
    private static final String C_IN = UUID.randomUUID().toString();
    private static final String F_1 = UUID.randomUUID().toString();
    private static final String F_2 = UUID.randomUUID().toString();


    @Test
    void aMailTheSmtpServerCannotTakeIsRetriedUntilItCan() {
        publish(Topics.SITE_EVENTS, "retry-site", site("retry-site", "owner@retry-site.test"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) AS n FROM sites WHERE site_id = 'retry-site'") == 1);
        SMTP.stop();
        try {
            AccessRequested requested = OwnerMailsIT.requested("retry-site", "Ada", "Byron");
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

    @Test
    void aMailThatKeepsFailingIsMarkedFailedWithTheServersAnswerAndCanBeSentAgain() {
        siteKnown("resend-site", "owner@resend-site.test", "en");
        SMTP.stop();
        String id;
        try {
            AccessRequested requested = OwnerMailsIT.requested("resend-site", "Rosa", "Parks");
            publish(Topics.ACCESS_EVENTS, requested.getCustomerId(), requested);
            await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                    SELECT count(*) AS n FROM outgoing_mail
                    WHERE site_id = 'resend-site' AND status = 'FAILED' AND attempts = 5""") == 1);
        } finally {
            SMTP.start();
        }
        id = db.sql("SELECT id::text AS id, last_error FROM outgoing_mail WHERE site_id = 'resend-site'")
                .map(row -> row.get("id", String.class)).one().block();
        http.get().uri("/api/v1/sites/resend-site/notifications?status=FAILED").headers(h -> h.setBearerAuth(tokenFor("resend-site")))
                .exchange().expectBody()
                .jsonPath("$.items[0].id").isEqualTo(id)
                .jsonPath("$.items[0].lastError").value(error -> assertThat(error.toString()).contains("Connection refused"));

        http.post().uri("/api/v1/sites/resend-site/notifications/{id}/resend", id)
                .headers(h -> h.setBearerAuth(tokenFor("resend-site"))).exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("QUEUED");

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("owner@resend-site.test").size() == 1);
        http.post().uri("/api/v1/sites/resend-site/notifications/{id}/resend", id)
                .headers(h -> h.setBearerAuth(tokenFor("resend-site"))).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/notification-not-failed");
        http.post().uri("/api/v1/sites/resend-site/notifications/{id}/resend", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(tokenFor("resend-site"))).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void marketingGoesOnlyToCustomersWhoOptedIn() throws Exception {
        siteKnown("shop", "owner@shop.test", "en");

        publish(Topics.CUSTOMER_EVENTS, C_OUT, newsletterSignup(C_OUT, "out@shop.test", false));
        // A welcome that finds the customer not opted in (say, they opted out again before it went) is suppressed.
        publish(Topics.CUSTOMER_EVENTS, C_OUT, ConsentConfirmed.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("shop").setCustomerId(C_OUT).setEmail("out@shop.test")
                .setChannel(SignupChannel.NEWSLETTER).build());
        publish(Topics.CUSTOMER_EVENTS, C_IN, newsletterSignup(C_IN, "in@shop.test", true));

        assertThat(theMailTo("in@shop.test").getSubject()).isEqualTo("Welcome to the The shop site newsletter");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                SELECT count(*) AS n FROM outgoing_mail WHERE customer_id = '%s' AND status = 'SUPPRESSED'
                  AND last_error = 'Not opted in to e-mail marketing'""".formatted(C_OUT)) == 1);
        assertThat(mailsTo("out@shop.test")).isEmpty();
    }

    @Test
    void theDeliveryLogFiltersByTemplateRecipientAndTime() {
        siteKnown("filters", "owner@filters.test", "en");
        publish(Topics.CUSTOMER_EVENTS, F_1, newsletterSignup(F_1, "one@filters.test", true));
        publish(Topics.CUSTOMER_EVENTS, F_2, newsletterSignup(F_2, "two@filters.test", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("two@filters.test").size() == 1 && mailsTo("one@filters.test").size() == 1);
        String token = tokenFor("filters");

        http.get().uri("/api/v1/sites/filters/notifications?template=newsletter-welcome&recipient=TWO@filters.test")
                .headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].recipient").isEqualTo("two@filters.test");
        http.get().uri("/api/v1/sites/filters/notifications?from=" + Instant.now().plusSeconds(60))
                .headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri("/api/v1/sites/filters/notifications?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z")
                .headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }

    private static CustomerCaptured newsletterSignup(String customerId, String email, boolean optIn) {
        return CustomerCaptured.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now()).setSiteId(email.split("@")[1].split("\\.")[0])
                .setCustomerId(customerId).setEmail(email).setChannel(SignupChannel.NEWSLETTER).setOptIn(optIn)
                .setNewCustomer(true).setSignupEventId(Events.newEventId()).build();
    }
}
