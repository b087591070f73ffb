package io.clientele.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With every service down, the edge says so: a page that asks to try later, a 503 problem for the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "clientele.edge.customer-url=http://127.0.0.1:9", "clientele.edge.access-url=http://127.0.0.1:9",
        "clientele.edge.import-url=http://127.0.0.1:9", "clientele.edge.notification-url=http://127.0.0.1:9"})
@AutoConfigureWebTestClient
class UnreachableServicesTest {

    @Autowired
    WebTestClient http;

    @Test
    void aPageSaysToTryLaterAndTheApiAnswersA503Problem() {
        http.get().uri("/sites/demo/log-in").exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> org.assertj.core.api.Assertions.assertThat(page)
                        .contains("<h1>Please try again later</h1>"));
        http.get().uri("/api/v1/sites/demo/customers").exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/service-unavailable");
        http.post().uri("/api/v1/sites/demo/registrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"a@b.test\", \"password\": \"a long passphrase\"}").exchange()
                .expectStatus().isEqualTo(503);
        http.options().uri("/api/v1/sites/demo/signups").header("Origin", "https://www.demo.test")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isEqualTo(503).expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }
}
