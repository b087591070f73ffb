package io.clientele.customer;

import io.clientele.platform.testing.ServiceITSupport;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Base of customer-service's integration tests, with the site every test starts from. */
public abstract class CustomerServiceITSupport extends ServiceITSupport {

    protected WebTestClient.ResponseSpec putSite(String siteId, String json) {
        return http.put().uri("/api/v1/sites/{siteId}", siteId)
                .headers(headers -> headers.setBearerAuth(tokenFor(siteId)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    protected void createSite(String siteId) {
        putSite(siteId, """
                {"name": "Site %s", "ownerEmail": "owner@%s.test", "locale": "en"}""".formatted(siteId, siteId))
                .expectStatus().isOk();
    }
}
