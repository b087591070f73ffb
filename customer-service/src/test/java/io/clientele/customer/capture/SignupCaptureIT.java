package io.clientele.customer.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerCreated;
import io.clientele.events.SignupCaptured;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class SignupCaptureIT extends CustomerServiceITSupport {

    @BeforeEach
    void site() {
        createSite("shop");
    }

    @Test
    void aSignupIsAcceptedAndBecomesOneCustomerEvenWhenSentTwice() {
        String body = """
                {"email": "Ada.Lovelace@Example.test ", "firstName": "Ada", "lastName": "Lovelace",
                 "channel": "ACCESS_REQUEST", "pageId": "members", "optIn": true, "locale": "en"}""";
        String first = signup("shop", body).expectStatus().isAccepted()
                .expectBody(SignupAccepted.class).returnResult().getResponseBody().eventId();
        String second = signup("shop", body.replace("Ada.Lovelace@", "ada.lovelace@")).expectStatus().isAccepted()
                .expectBody(SignupAccepted.class).returnResult().getResponseBody().eventId();
        assertThat(first).isNotEqualTo(second);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(capturesOf(first, second)).hasSize(2));
        List<CustomerCaptured> captures = capturesOf(first, second);
        assertThat(captures).extracting(CustomerCaptured::getCustomerId).containsOnly(captures.getFirst().getCustomerId());
        assertThat(captures).extracting(CustomerCaptured::getNewCustomer).containsExactlyInAnyOrder(true, false);
        assertThat(captures).allSatisfy(capture -> assertThat(capture.getPageId()).isEqualTo("members"));
        String customerId = captures.getFirst().getCustomerId();
        assertThat(events(Topics.CUSTOMER_EVENTS)).filteredOn(record -> record.value() instanceof CustomerCreated created
                && created.getCustomerId().equals(customerId)).hasSize(1);
        assertThat(events(Topics.CUSTOMER_SIGNUPS)).filteredOn(record -> record.value() instanceof SignupCaptured signup
                        && signup.getEventId().equals(first))
                .singleElement().satisfies(record -> assertThat(record.key()).isEqualTo("shop:ada.lovelace@example.test"));

        http.get().uri("/api/v1/sites/shop/customers?q=lovelace").headers(h -> h.setBearerAuth(tokenFor("shop"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(customerId)
                .jsonPath("$.items[0].email").isEqualTo("Ada.Lovelace@Example.test")
                .jsonPath("$.items[0].status").isEqualTo("PENDING")
                .jsonPath("$.items[0].sourceChannel").isEqualTo("ACCESS_REQUEST")
                .jsonPath("$.items[0].marketingOptIn").isEqualTo(false);
        // The opt-in of a public form counts only once its confirmation link is followed (double opt-in).
        assertThat(count("SELECT count(*) AS n FROM consent_ledger WHERE customer_id = '" + customerId + "'")).isZero();
        assertThat(count("SELECT count(*) AS n FROM consent_confirmations WHERE customer_id = '" + customerId + "'"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) AS n FROM timeline_entries WHERE customer_id = '" + customerId
                + "' AND type = 'CAPTURED' AND channel = 'ACCESS_REQUEST'")).isEqualTo(2);
    }

    @Test
    void aSignupWithoutOptInRecordsNoConsent() {
        String eventId = signup("shop", """
                {"email": "no-consent@example.test", "channel": "NEWSLETTER"}""")
                .expectStatus().isAccepted().expectBody(SignupAccepted.class).returnResult().getResponseBody().eventId();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(capturesOf(eventId)).hasSize(1));
        String customerId = capturesOf(eventId).getFirst().getCustomerId();
        assertThat(count("SELECT count(*) AS n FROM consent_ledger WHERE customer_id = '" + customerId + "'")).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        signup("shop", """
                {"email": "not an email", "channel": "NEWSLETTER"}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("email");
        signup("shop", """
                {"email": "a@example.test", "channel": "CARRIER_PIGEON"}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channel");
        signup("shop", """
                {"email": "a@example.test", "channel": "ACCESS_REQUEST"}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("pageId");
        signup("shop", "{not json")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/malformed-request");
    }

    @Test
    void aSignupForAnUnknownSiteIsNotFound() {
        signup("no-such-site", """
                {"email": "a@example.test", "channel": "NEWSLETTER"}""")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/site-not-found");
    }

    private WebTestClient.ResponseSpec signup(String siteId, String body) {
        return http.post().uri("/api/v1/sites/{siteId}/signups", siteId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static List<CustomerCaptured> capturesOf(String... signupEventIds) {
        List<String> ids = List.of(signupEventIds);
        return events(Topics.CUSTOMER_EVENTS).stream()
                .map(record -> record.value())
                .filter(CustomerCaptured.class::isInstance)
                .map(CustomerCaptured.class::cast)
                .filter(capture -> ids.contains(capture.getSignupEventId()))
                .toList();
    }
}
