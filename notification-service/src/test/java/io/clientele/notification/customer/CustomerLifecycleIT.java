package io.clientele.notification.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.events.AccessRequested;
import io.clientele.events.ContentType;
import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerErasureConfirmed;
import io.clientele.events.CustomerMerged;
import io.clientele.events.InvitationIssued;
import io.clientele.notification.NotificationServiceITSupport;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What notification-service does when customer-service merges customers, reports on one, or erases one. */
class CustomerLifecycleIT extends NotificationServiceITSupport {

    private static final Instant IN_A_WEEK = Instant.parse("2030-01-08T10:15:00Z");

    @Test
    void aReportShowsTheMailsSentToTheCustomerAndAnErasureDeletesThemAndBlanksTheOwnersMailAboutThem() throws Exception {
        siteKnown("gdpr-mail", "owner@gdpr-mail.test", "en");
        String customerId = UUID.randomUUID().toString();
        customerPrefers("gdpr-mail", customerId, ContentType.HTML, "+33611223344", "en", true);
        invited("gdpr-mail", customerId, "rosa@visitors.test");
        publish(Topics.ACCESS_EVENTS, customerId, AccessRequested.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("gdpr-mail").setRequestId(UUID.randomUUID().toString())
                .setCustomerId(customerId).setPageId("vault").setEmail("rosa@visitors.test").setFirstName("Rosalind")
                .setLastName("Quartermaine").build());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) AS n FROM outgoing_mail WHERE site_id = 'gdpr-mail'"
                + " AND status = 'SENT'") == 2);
        http.get().uri("/api/v1/sites/gdpr-mail/customers/{id}/personal-data", customerId)
                .headers(h -> h.setBearerAuth(tokenFor("gdpr-mail"))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.contact[0].sms_number").isEqualTo("+33611223344")
                .jsonPath("$.emails.length()").isEqualTo(1)
                .jsonPath("$.emails[0].template").isEqualTo("invitation")
                .jsonPath("$.emails[0].recipient").isEqualTo("rosa@visitors.test");

        publish(Topics.CUSTOMER_EVENTS, customerId, CustomerErased.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("gdpr-mail").setCustomerId(customerId)
                .setIdentifierHashes(List.of(sha256("rosa@visitors.test"), sha256("33611223344"))).build());

        CustomerErasureConfirmed confirmed = await().atMost(Duration.ofSeconds(20)).until(() -> confirmations(customerId),
                found -> !found.isEmpty()).getFirst();
        assertThat(confirmed.getService()).isEqualTo("notification-service");
        assertThat(confirmed.getErased()).isGreaterThanOrEqualTo(3);
        for (String kept : List.of("rosa@visitors.test", "Rosalind", "Quartermaine", "33611223344")) {
            assertThat(count("SELECT count(*) AS n FROM outgoing_mail o WHERE CAST(o.* AS text) ILIKE '%" + kept + "%'")).as(kept).isZero();
            assertThat(count("SELECT count(*) AS n FROM customers c WHERE CAST(c.* AS text) ILIKE '%" + kept + "%'")).as(kept).isZero();
            assertThat(count("SELECT count(*) AS n FROM outbox WHERE position(convert_to('" + kept + "', 'UTF8') IN payload) > 0"))
                    .as(kept).isZero();
        }
        assertThat(count("SELECT count(*) AS n FROM outgoing_mail WHERE site_id = 'gdpr-mail' AND audience = 'SITE_OWNER'"))
                .as("the owner's mail stays in the log, blanked").isEqualTo(1);
    }

    @Test
    void aMergedCustomersMailsBecomeTheSurvivors() {
        siteKnown("merge-mail", "owner@merge-mail.test", "en");
        String survivor = UUID.randomUUID().toString();
        String merged = UUID.randomUUID().toString();
        customerPrefers("merge-mail", merged, ContentType.TEXT, null, "en", false);
        invited("merge-mail", merged, "max@visitors.test");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) AS n FROM outgoing_mail WHERE customer_id = '"
                + merged + "' AND status = 'SENT'") == 1);

        publish(Topics.CUSTOMER_EVENTS, merged, CustomerMerged.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("merge-mail").setCustomerId(survivor).setMergedCustomerId(merged).build());

        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) AS n FROM outgoing_mail WHERE customer_id = '"
                + survivor + "'") == 1);
        assertThat(count("SELECT count(*) AS n FROM customers WHERE customer_id = '" + merged + "'")).isZero();
    }

    private void invited(String siteId, String customerId, String email) {
        publish(Topics.ACCESS_EVENTS, customerId, InvitationIssued.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId(siteId).setCustomerId(customerId).setEmail(email)
                .setFirstName("Rosalind").setSealedToken(linkSeal.seal("token-" + UUID.randomUUID())).setExpiresAt(IN_A_WEEK).build());
    }

    private static List<CustomerErasureConfirmed> confirmations(String customerId) {
        return events(Topics.NOTIFICATION_EVENTS).stream().map(record -> record.value())
                .filter(CustomerErasureConfirmed.class::isInstance).map(CustomerErasureConfirmed.class::cast)
                .filter(confirmed -> confirmed.getCustomerId().equals(customerId)).toList();
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
