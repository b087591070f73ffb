package io.clientele.customer.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.platform.link.UnsubscribeTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

class SubscriptionIT extends CustomerServiceITSupport {

    @Autowired
    UnsubscribeTokens tokens;

    @Test
    void aMailsUnsubscribeLinkOptsTheCustomerOutAndItsPreferencesLinkBackIn() {
        createSite("letters");
        String customerId = createCustomer("letters", "{\"email\": \"reader@letters.test\"}");
        send(HttpMethod.POST, "letters", "/customers/" + customerId + "/consent", "{\"optedIn\": true}").expectStatus().isCreated();
        String token = tokens.issue("letters", UUID.fromString(customerId));

        status("letters", token).expectStatus().isOk().expectBody().jsonPath("$.optedIn").isEqualTo(true);
        change("letters", token, false).expectStatus().isOk().expectBody().jsonPath("$.optedIn").isEqualTo(false);
        change("letters", token, false).expectStatus().isOk();
        get("letters", "/customers/" + customerId).expectBody().jsonPath("$.marketingOptIn").isEqualTo(false);
        status("letters", token).expectBody().jsonPath("$.optedIn").isEqualTo(false);
        change("letters", token, true).expectStatus().isOk();

        List<?> history = get("letters", "/customers/" + customerId + "/consent").expectBody(List.class).returnResult()
                .getResponseBody();
        assertThat(history.stream().map(entry -> String.valueOf(((Map<?, ?>) entry).get("source"))).toList())
                .containsExactlyInAnyOrder("manual", "unsubscribe", "preferences");
    }

    @Test
    void aTokenOfAnotherSiteOrAnAlteredOneChangesNothing() {
        createSite("letters-a");
        String customerId = createCustomer("letters-a", "{\"email\": \"reader@letters-a.test\"}");
        send(HttpMethod.POST, "letters-a", "/customers/" + customerId + "/consent", "{\"optedIn\": true}").expectStatus().isCreated();
        String token = tokens.issue("letters-a", UUID.fromString(customerId));

        change("letters-b", token, false).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/link-not-valid");
        change("letters-a", token + "x", false).expectStatus().isBadRequest();
        change("letters-a", null, false).expectStatus().isBadRequest();
        change("letters-a", token, null).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("optedIn");
        get("letters-a", "/customers/" + customerId).expectBody().jsonPath("$.marketingOptIn").isEqualTo(true);
    }

    private WebTestClient.ResponseSpec status(String siteId, String token) {
        return http.post().uri("/api/v1/sites/{siteId}/subscription/status", siteId)
                .bodyValue(Map.of("token", token)).exchange();
    }

    private WebTestClient.ResponseSpec change(String siteId, String token, Boolean optedIn) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("token", token);
        body.put("optedIn", optedIn);
        return http.post().uri("/api/v1/sites/{siteId}/subscription", siteId).bodyValue(body).exchange();
    }
}
