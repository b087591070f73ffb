package io.clientele.customer.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.CustomerServiceITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SignupLimitsIT extends CustomerServiceITSupport {

    @Test
    void pastTwentySignupsFromOneAddressTheAnswerIs429AndNothingIsWritten() {
        createSite("limited");
        String address = anAddress();
        for (int i = 0; i < 20; i++) {
            signup(address, "visitor" + i + "@limited.test").expectStatus().isAccepted();
        }

        signup(address, "one-too-many@limited.test").expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/rate-limited");
        assertThat(count("SELECT count(*) AS n FROM outbox WHERE topic = 'customer.signups' AND aggregateid LIKE 'limited:%'"))
                .isEqualTo(20);
        assertThat(count("SELECT count(*) AS n FROM outbox WHERE aggregateid = 'limited:one-too-many@limited.test'")).isZero();
        signup(anAddress(), "from-elsewhere@limited.test").expectStatus().isAccepted();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec signup(String address, String email) {
        return http.post().uri("/api/v1/sites/limited/signups").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", address)
                .bodyValue("{\"email\": \"" + email + "\", \"channel\": \"NEWSLETTER\"}").exchange();
    }
}
