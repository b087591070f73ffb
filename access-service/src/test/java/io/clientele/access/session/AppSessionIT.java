package io.clientele.access.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.access.AccessServiceITSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class AppSessionIT extends AccessServiceITSupport {

    @Test
    void anAppReadsItsSessionRenewsItWithARotatingRefreshTokenAndLogsOut() {
        String customerId = customerWithPassword("app-site", "ada@app.test", "members");
        Map<?, ?> login = logIn("app-site", "ada@app.test", PASSWORD, anAddress()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String session = (String) login.get("token");
        String refresh = (String) login.get("refreshToken");
        assertThat(refresh).isNotBlank();

        current("app-site", session).expectStatus().isOk().expectBody()
                .jsonPath("$.customerId").isEqualTo(customerId).jsonPath("$.email").isEqualTo("ada@app.test")
                .jsonPath("$.groups[0]").isEqualTo("members").jsonPath("$.expiresAt").exists();
        current("other-site", session).expectStatus().isUnauthorized();
        current("app-site", null).expectStatus().isUnauthorized();

        clock.advance(Duration.ofHours(9));
        current("app-site", session).expectStatus().isUnauthorized();
        Map<?, ?> renewed = refresh("app-site", refresh).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        String nextSession = (String) renewed.get("token");
        current("app-site", nextSession).expectStatus().isOk();
        assertThat(renewed.get("refreshToken")).isNotEqualTo(refresh);
        refresh("other-site", (String) renewed.get("refreshToken")).expectStatus().isUnauthorized();

        http.delete().uri("/api/v1/sites/app-site/sessions/current").headers(h -> h.setBearerAuth(nextSession)).exchange()
                .expectStatus().isNoContent();
        current("app-site", nextSession).expectStatus().isUnauthorized();
        refresh("app-site", (String) renewed.get("refreshToken")).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/refresh-token-not-valid");
    }

    @Test
    void aRefreshTokenUsedTwiceEndsItsFamilyAndAPasswordChangeEndsThemAll() {
        String customerId = customerWithPassword("app-theft", "bo@app.test");
        String stolen = refreshTokenOf("app-theft", "bo@app.test");
        String owners = (String) refresh("app-theft", stolen).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("refreshToken");

        refresh("app-theft", stolen).expectStatus().isUnauthorized();
        refresh("app-theft", owners).expectStatus().isUnauthorized();

        String other = refreshTokenOf("app-theft", "bo@app.test");
        setPassword("app-theft", invite("app-theft", customerId), "another long passphrase").expectStatus().isNoContent();
        refresh("app-theft", other).expectStatus().isUnauthorized();
    }

    @Test
    void aDeactivatedAccountCannotRenew() {
        String customerId = customerWithPassword("app-off", "cy@app.test");
        String refresh = refreshTokenOf("app-off", "cy@app.test");
        updateCustomer("app-off", customerId, "cy@app.test", false);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> refresh("app-off", refresh).returnResult(String.class).getStatus().value() == 401);
        refresh("app-off", "").expectStatus().isBadRequest();
    }

    private String refreshTokenOf(String siteId, String email) {
        return (String) logIn(siteId, email, PASSWORD, anAddress()).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("refreshToken");
    }

    private WebTestClient.ResponseSpec current(String siteId, String session) {
        return http.get().uri("/api/v1/sites/{siteId}/sessions/current", siteId)
                .headers(h -> {
                    if (session != null) {
                        h.setBearerAuth(session);
                    }
                }).exchange();
    }

    private WebTestClient.ResponseSpec refresh(String siteId, String refreshToken) {
        return http.post().uri("/api/v1/sites/{siteId}/sessions/refresh", siteId).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", anAddress())
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }
}
