package io.clientele.customer.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.CustomerDeleted;
import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerErasureConfirmed;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class ErasureIT extends CustomerServiceITSupport {

    @Test
    void aPersonalDataReportHoldsTheRecordNotesConsentAndTimelineAndSaysWhichServicesDidNotAnswer() {
        createSite("report");
        String id = createCustomer("report", """
                {"email": "Rita.Report@example.test", "firstName": "Rita", "phone": "+33 6 11 22 33 44"}""");
        send(HttpMethod.POST, "report", "/customers/" + id + "/notes", "{\"text\": \"asked for her data\"}").expectStatus().isCreated();
        send(HttpMethod.POST, "report", "/customers/" + id + "/consent", "{\"optedIn\": true, \"evidence\": {\"form\": \"shop\"}}")
                .expectStatus().is2xxSuccessful();

        get("report", "/customers/" + id + "/personal-data").expectStatus().isOk().expectBody()
                .jsonPath("$.customerId").isEqualTo(id)
                .jsonPath("$['customer-service'].customer.email").isEqualTo("Rita.Report@example.test")
                .jsonPath("$['customer-service'].notes[0].text").isEqualTo("asked for her data")
                .jsonPath("$['customer-service'].consent[0].optedIn").isEqualTo(true)
                .jsonPath("$['customer-service'].timeline[0].type").isEqualTo("CREATED")
                .jsonPath("$['customer-service'].timeline[1].type").isEqualTo("NOTE_ADDED")
                .jsonPath("$['access-service'].unavailable").isNotEmpty()
                .jsonPath("$['notification-service'].unavailable").isNotEmpty()
                .jsonPath("$.complete").isEqualTo(false);
        createSite("report-other");
        get("report-other", "/customers/" + id + "/personal-data").expectStatus().isNotFound();
    }

    @Test
    void anErasureDeletesTheCustomerAsksEveryServiceAndShowsTheirConfirmations() throws Exception {
        createSite("forget");
        String id = createCustomer("forget", """
                {"email": "Erin.Erased@example.test", "firstName": "Erin", "lastName": "Erasedottir", "phone": "+33 6 71 82 93 04"}""");
        send(HttpMethod.POST, "forget", "/customers/" + id + "/notes", "{\"text\": \"Erin called\"}").expectStatus().isCreated();

        http.delete().uri("/api/v1/sites/forget/customers/{id}?erase=true", id).headers(h -> h.setBearerAuth(tokenFor("forget")))
                .exchange().expectStatus().isNoContent();

        get("forget", "/customers/" + id).expectStatus().isNotFound();
        CustomerErased erased = await().atMost(Duration.ofSeconds(20)).until(() -> event(CustomerErased.class, id), Optional::isPresent).get();
        assertThat(erased.getIdentifierHashes()).containsExactlyInAnyOrder(sha256("erin.erased@example.test"), sha256("33671829304"));
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> event(CustomerDeleted.class, id), Optional::isPresent).get()
                .getEmail()).isNull();
        for (String kept : List.of("Erin.Erased@example.test", "erin.erased@example.test", "Erasedottir", "671829304")) {
            assertThat(count("SELECT count(*) AS n FROM outbox WHERE position(convert_to('" + kept + "', 'UTF8') IN payload) > 0"))
                    .as(kept).isZero();
        }
        assertThat(count("SELECT count(*) AS n FROM timeline_entries WHERE customer_id = '" + id + "'")).isZero();
        get("forget", "/erasures/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.confirmed[0].service").isEqualTo("customer-service")
                .jsonPath("$.pending").isEqualTo(List.of("access-service", "import-service", "notification-service"))
                .jsonPath("$.complete").isEqualTo(false);

        publish(Topics.ACCESS_EVENTS, id, confirmation(id, "access-service", 3));
        publish(Topics.IMPORT_EVENTS, id, confirmation(id, "import-service", 1));
        CustomerErasureConfirmed notification = confirmation(id, "notification-service", 2);
        publish(Topics.NOTIFICATION_EVENTS, id, notification);
        publish(Topics.NOTIFICATION_EVENTS, id, notification);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("forget", "/erasures/" + id).expectBody()
                .jsonPath("$.complete").isEqualTo(true).jsonPath("$.pending").isEmpty()
                .jsonPath("$.confirmed.length()").isEqualTo(4));
        createSite("forget-other");
        get("forget-other", "/erasures/" + id).expectStatus().isNotFound();
    }

    @Test
    void aSiteWithAutomaticPersonalDataDeletionErasesOnEveryDeleteAndOtherSitesDoNot() {
        createSite("auto-erase");
        putSite("auto-erase", """
                {"name": "Auto", "ownerEmail": "owner@auto.test", "locale": "en", "eraseOnDelete": true}""")
                .expectStatus().isOk().expectBody().jsonPath("$.eraseOnDelete").isEqualTo(true);
        String erased = createCustomer("auto-erase", "{\"email\": \"gone@auto.test\"}");
        createSite("keep-log");
        String deleted = createCustomer("keep-log", "{\"email\": \"deleted@keep.test\"}");

        http.delete().uri("/api/v1/sites/auto-erase/customers/{id}", erased).headers(h -> h.setBearerAuth(tokenFor("auto-erase")))
                .exchange().expectStatus().isNoContent();
        http.delete().uri("/api/v1/sites/keep-log/customers/{id}", deleted).headers(h -> h.setBearerAuth(tokenFor("keep-log")))
                .exchange().expectStatus().isNoContent();

        get("auto-erase", "/erasures/" + erased).expectStatus().isOk();
        get("keep-log", "/erasures/" + deleted).expectStatus().isNotFound();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(event(CustomerErased.class, erased)).isPresent();
            assertThat(event(CustomerDeleted.class, deleted)).hasValueSatisfying(event ->
                    assertThat(event.getEmail()).isEqualTo("deleted@keep.test"));
        });
        assertThat(event(CustomerErased.class, deleted)).isEmpty();
    }

    private static CustomerErasureConfirmed confirmation(String customerId, String service, int erased) {
        return CustomerErasureConfirmed.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now())
                .setSiteId("forget").setCustomerId(customerId).setService(service).setErased(erased).build();
    }

    private static <T> Optional<T> event(Class<T> type, String customerId) {
        return events(Topics.CUSTOMER_EVENTS).stream().map(record -> record.value()).filter(type::isInstance).map(type::cast)
                .filter(event -> event.toString().contains("\"customerId\": \"" + customerId + "\"")).findFirst();
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
