package io.clientele.customer.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.ConsentConfirmationRequested;
import io.clientele.events.ConsentConfirmed;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerPreferencesChanged;
import io.clientele.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class DoubleOptInIT extends CustomerServiceITSupport {

    @Test
    void anAnonymousSignupLeavesAnExistingCustomersConsentAndDataAsTheyWereAndMailsOneConfirmation() {
        createSite("atelier-consent");
        String customerId = send(HttpMethod.POST, "atelier-consent", "/customers", """
                {"firstName": "Hélène", "lastName": "Dupont", "email": "helene@atelier.test", "locale": "fr"}""")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        send(HttpMethod.POST, "atelier-consent", "/customers/" + customerId + "/consent",
                "{\"optedIn\": false, \"source\": \"manual\"}").expectStatus().isCreated();

        signup("atelier-consent", """
                {"email": "HELENE@atelier.test", "channel": "NEWSLETTER", "optIn": true, "firstName": "Mallory",
                 "lastName": "Intruder", "locale": "en"}""");

        await().atMost(Duration.ofSeconds(30)).until(() -> !eventsOf(ConsentConfirmationRequested.class, customerId).isEmpty());
        get("atelier-consent", "/customers/" + customerId).expectBody()
                .jsonPath("$.marketingOptIn").isEqualTo(false)
                .jsonPath("$.firstName").isEqualTo("Hélène")
                .jsonPath("$.lastName").isEqualTo("Dupont")
                .jsonPath("$.locale").isEqualTo("fr")
                .jsonPath("$.email").isEqualTo("helene@atelier.test");
        assertThat(count("SELECT count(*) AS n FROM consent_ledger WHERE customer_id = '" + customerId + "'")).isEqualTo(1);
        assertThat(eventsOf(CustomerCaptured.class, customerId)).singleElement()
                .satisfies(capture -> assertThat(capture.getOptIn()).isFalse());
        assertThat(eventsOf(ConsentConfirmationRequested.class, customerId)).hasSize(1);
    }

    @Test
    void theOptInIsRecordedWithItsEvidenceWhenTheLinkIsFollowedOnce() {
        createSite("atelier-confirm");
        signup("atelier-confirm", """
                {"email": "ada@atelier.test", "channel": "NEWSLETTER", "optIn": true, "firstName": "Ada"}""");
        ConsentConfirmationRequested request = await().atMost(Duration.ofSeconds(30))
                .until(() -> requestsFor("ada@atelier.test"), found -> !found.isEmpty()).getFirst();
        String customerId = request.getCustomerId();
        get("atelier-confirm", "/customers/" + customerId).expectBody().jsonPath("$.marketingOptIn").isEqualTo(false);
        String token = linkSeal.open(request.getSealedToken());

        confirm("atelier-confirm", token).expectStatus().isNoContent();
        confirm("atelier-confirm", token).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/link-not-valid");
        confirm("another-site", token).expectStatus().isBadRequest();

        get("atelier-confirm", "/customers/" + customerId).expectBody().jsonPath("$.marketingOptIn").isEqualTo(true);
        get("atelier-confirm", "/customers/" + customerId + "/consent").expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].optedIn").isEqualTo(true)
                .jsonPath("$[0].source").isEqualTo("newsletter")
                .jsonPath("$[0].evidence.form.channel").isEqualTo("NEWSLETTER")
                .jsonPath("$[0].evidence.requestedAt").exists()
                .jsonPath("$[0].evidence.confirmedAt").exists();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(eventsOf(CustomerPreferencesChanged.class, customerId)).singleElement()
                    .satisfies(changed -> assertThat(changed.getMarketingOptIn()).isTrue());
            assertThat(eventsOf(ConsentConfirmed.class, customerId)).singleElement()
                    .satisfies(confirmed -> assertThat(confirmed.getChannel().name()).isEqualTo("NEWSLETTER"));
        });
        get("atelier-confirm", "/customers/" + customerId + "/personal-data").expectBody()
                .jsonPath("$['customer-service'].consentConfirmations[0].channel").isEqualTo("NEWSLETTER")
                .jsonPath("$['customer-service'].consentConfirmations[0].confirmedAt").exists();
    }

    @Test
    void aFloodOfSignupsForOneAddressMailsOnlyAFewConfirmations() {
        createSite("atelier-flood");
        for (int i = 0; i < 10; i++) {
            signup("atelier-flood", "{\"email\": \"flooded@atelier.test\", \"channel\": \"NEWSLETTER\", \"optIn\": true}");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) AS n FROM timeline_entries t "
                + "JOIN customers c ON c.id = t.customer_id WHERE c.email = 'flooded@atelier.test' AND t.type = 'CAPTURED'") == 10);
        assertThat(requestsFor("flooded@atelier.test")).hasSize(3);
    }

    @Test
    void aSiteThatChoseSingleOptInRecordsTheOptInAtOnceForACustomerWhoNeverDecided() {
        putSite("atelier-single", """
                {"name": "Single", "ownerEmail": "owner@single.test", "locale": "en", "singleOptIn": true}""")
                .expectStatus().isOk().expectBody().jsonPath("$.singleOptIn").isEqualTo(true);
        String customerId = captured("atelier-single", "quick@atelier.test", "{\"channel\": \"NEWSLETTER\", \"optIn\": true}");

        get("atelier-single", "/customers/" + customerId).expectBody().jsonPath("$.marketingOptIn").isEqualTo(true);
        assertThat(eventsOf(CustomerCaptured.class, customerId)).singleElement()
                .satisfies(capture -> assertThat(capture.getOptIn()).isTrue());
        assertThat(eventsOf(ConsentConfirmationRequested.class, customerId)).isEmpty();
    }

    @Test
    void noTopicAndNoOutboxRowHoldsAConfirmationToken() {
        createSite("atelier-secret");
        signup("atelier-secret", "{\"email\": \"secret@atelier.test\", \"channel\": \"NEWSLETTER\", \"optIn\": true}");
        ConsentConfirmationRequested request = await().atMost(Duration.ofSeconds(30))
                .until(() -> requestsFor("secret@atelier.test"), found -> !found.isEmpty()).getFirst();
        String token = linkSeal.open(request.getSealedToken());

        assertThat(request.getSealedToken()).doesNotContain(token);
        for (String topic : List.of(Topics.CUSTOMER_EVENTS, Topics.CUSTOMER_SIGNUPS)) {
            assertThat(allRecordBytes(topic)).as(topic).noneMatch(value -> value.contains(token));
        }
        assertThat(count("SELECT count(*) AS n FROM outbox WHERE position(convert_to('" + token + "', 'UTF8') IN payload) > 0"))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM consent_confirmations WHERE token_hash = '" + token + "'")).isZero();
    }

    private void signup(String siteId, String json) {
        http.post().uri("/api/v1/sites/{siteId}/signups", siteId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange().expectStatus().isAccepted();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec confirm(String siteId, String token) {
        return http.post().uri("/api/v1/sites/{siteId}/consent-confirmations", siteId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\": \"" + token + "\"}").exchange();
    }

    private static List<ConsentConfirmationRequested> requestsFor(String email) {
        return events(Topics.CUSTOMER_EVENTS).stream().map(record -> record.value())
                .filter(ConsentConfirmationRequested.class::isInstance).map(ConsentConfirmationRequested.class::cast)
                .filter(request -> request.getEmail().equalsIgnoreCase(email)).toList();
    }

    private static <T> List<T> eventsOf(Class<T> type, String customerId) {
        return events(Topics.CUSTOMER_EVENTS).stream().filter(record -> record.key().equals(customerId))
                .map(record -> record.value()).filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> allRecordBytes(String topic) {
        return io.clientele.platform.embedded.TopicReader.rawRecords(
                        io.clientele.platform.embedded.SharedInfrastructure.get().kafka().bootstrapServers(), topic)
                .stream().map(record -> new String(record.value(), StandardCharsets.ISO_8859_1)).toList();
    }
}
