package io.clientele.access.credential;

import static org.awaitility.Awaitility.await;

import io.clientele.access.AccessServiceITSupport;
import io.clientele.events.EmailVerificationRequested;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RegistrationIT extends AccessServiceITSupport {

    @Test
    void anAppsRegistrationPasswordCountsOnceTheMailedLinkIsFollowedOnce() {
        register("app-reg", "eve@app.test", "short").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        register("app-reg", "eve@app.test", "my registration passphrase").expectStatus().isAccepted();

        String customerId = knownCustomer("app-reg", "eve@app.test");
        EmailVerificationRequested mailed = await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsFor(EmailVerificationRequested.class, customerId), found -> !found.isEmpty()).getFirst();
        logIn("app-reg", "eve@app.test", "my registration passphrase", anAddress()).expectStatus().isUnauthorized();

        String token = linkSeal.open(mailed.getSealedToken());
        verify("app-reg", token).expectStatus().isNoContent();
        verify("app-reg", token).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/link-not-valid");
        logIn("app-reg", "eve@app.test", "my registration passphrase", anAddress()).expectStatus().isOk();
    }

    @Test
    void anInvitationsLinkIsNoVerificationLinkAndStaysGood() {
        String customerId = knownCustomer("app-reg-b", "fay@app.test");
        String invitation = invite("app-reg-b", customerId);

        verify("app-reg-b", invitation).expectStatus().isBadRequest();
        setPassword("app-reg-b", invitation, PASSWORD).expectStatus().isNoContent();
    }

    @Test
    void withoutARegistrationTheCaptureMailsNoVerification() {
        String customerId = knownCustomer("app-reg-c", "gus@app.test");
        invite("app-reg-c", customerId);
        org.assertj.core.api.Assertions.assertThat(eventsFor(EmailVerificationRequested.class, customerId)).isEmpty();
    }

    @Test
    void aRegistrationNeverVerifiedIsForgottenOnceItExpired() {
        register("app-reg-d", "hal@app.test", "a forgotten passphrase").expectStatus().isAccepted();
        clock.advance(Duration.ofDays(8));
        register("app-reg-d", "ivy@app.test", "a fresher passphrase").expectStatus().isAccepted();

        org.assertj.core.api.Assertions.assertThat(count("SELECT count(*) AS n FROM pending_passwords WHERE site_id = 'app-reg-d'"))
                .isEqualTo(1);
    }

    private WebTestClient.ResponseSpec register(String siteId, String email, String password) {
        return http.post().uri("/api/v1/sites/{siteId}/registrations", siteId).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", anAddress()).bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private WebTestClient.ResponseSpec verify(String siteId, String token) {
        return http.post().uri("/api/v1/sites/{siteId}/email-verifications", siteId).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", anAddress()).bodyValue(Map.of("token", token)).exchange();
    }
}
