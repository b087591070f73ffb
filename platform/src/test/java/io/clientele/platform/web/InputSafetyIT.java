package io.clientele.platform.web;

import io.clientele.platform.PlatformTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class InputSafetyIT extends PlatformTestSupport {

    @Test
    void aControlCharacterInABodyIsRefusedNamingItsField() {
        post("acme", "{\"name\": \"Jane\", \"metadata\": {\"plan\": \"pro\\u0000\"}}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("metadata.plan");
        post("acme", "{\"tags\": [\"ok\", \"bad\\u0007\"]}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tags[1]");
        post("acme", "{\"name\": \"Nul\\u0000\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void textWithTabsLineBreaksAndAccentsIsReadAsSent() {
        post("acme", "{\"name\": \"Hélène\\tDupont\\nsecond line\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Hélène\tDupont\nsecond line");
    }

    @Test
    void aControlCharacterInAQueryParameterIsRefusedNamingIt() {
        http.get().uri(uri -> uri.path("/api/v1/sites/acme/echo").queryParam("q", "a\u0000b").build()).header("Authorization", "Bearer " + tokenFor("acme"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        http.get().uri("/api/v1/sites/acme/echo?q=fine").header("Authorization", "Bearer " + tokenFor("acme"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.q").isEqualTo("fine");
    }

    @Test
    void aQueryParameterTheEndpointDoesNotReadIsRefusedNamingIt() {
        http.get().uri("/api/v1/sites/acme/echo?q=fine&customerID=c1&statu=x").header("Authorization", "Bearer " + tokenFor("acme"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/invalid-field")
                .jsonPath("$.errors[*].field").isEqualTo(java.util.List.of("customerID", "statu"))
                .jsonPath("$.errors[0].message").value(message -> org.assertj.core.api.Assertions.assertThat((String) message)
                        .contains("known: [q]"));
        http.get().uri("/api/v1/sites/acme/echo?customerID=c1").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aSiteIdThatIsNotOneIsRefusedBeforeAnythingElse() {
        String tooLong = "s".repeat(65);
        http.get().uri("/api/v1/sites/" + tooLong + "/echo").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("siteId");
        http.get().uri("/api/v1/sites/sec-%3Cscript%3E/echo").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("siteId");
        http.get().uri("/api/v1/sites/" + "s".repeat(64) + "/echo?q=x")
                .header("Authorization", "Bearer " + tokenFor("s".repeat(64)))
                .exchange().expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String siteId, String json) {
        return http.post().uri("/api/v1/sites/" + siteId + "/echo")
                .header("Authorization", "Bearer " + tokenFor(siteId))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
