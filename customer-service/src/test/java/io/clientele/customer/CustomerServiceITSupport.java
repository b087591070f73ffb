package io.clientele.customer;

import static org.awaitility.Awaitility.await;

import io.clientele.events.CustomerCaptured;
import io.clientele.platform.testing.ServiceITSupport;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.util.Objects;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of customer-service's integration tests, with the site every test starts from. The other services are not
 * running here: their parts of a personal data report are unavailable.
 */
@TestPropertySource(properties = {"clientele.personal-data.access-url=http://localhost:1",
        "clientele.personal-data.import-url=http://localhost:1", "clientele.personal-data.notification-url=http://localhost:1"})
public abstract class CustomerServiceITSupport extends ServiceITSupport {

    protected WebTestClient.ResponseSpec putSite(String siteId, String json) {
        return http.put().uri("/api/v1/sites/{siteId}", siteId)
                .headers(headers -> headers.setBearerAuth(tokenFor(siteId)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /**
     * Signs a visitor up through the public capture endpoint and answers the id of the customer it became.
     *
     * @param signup the sign-up's JSON object without its e-mail, for example {@code {"channel": "NEWSLETTER"}}
     */
    protected String captured(String siteId, String email, String signup) {
        http.post().uri("/api/v1/sites/{siteId}/signups", siteId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"" + email + "\", " + signup.strip().substring(1))
                .exchange().expectStatus().isAccepted();
        return await().atMost(Duration.ofSeconds(30)).until(() -> events(Topics.CUSTOMER_EVENTS).stream()
                .map(record -> record.value()).filter(CustomerCaptured.class::isInstance).map(CustomerCaptured.class::cast)
                .filter(capture -> capture.getEmail().equals(email) && capture.getSiteId().equals(siteId))
                .map(CustomerCaptured::getCustomerId).findFirst().orElse(null), Objects::nonNull);
    }

    /** Sends a JSON body with the site's admin token. */
    protected WebTestClient.ResponseSpec send(HttpMethod method, String siteId, String path, String json) {
        return http.method(method).uri("/api/v1/sites/" + siteId + path)
                .headers(headers -> headers.setBearerAuth(tokenFor(siteId)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    protected WebTestClient.ResponseSpec get(String siteId, String path) {
        return http.get().uri("/api/v1/sites/" + siteId + path).headers(headers -> headers.setBearerAuth(tokenFor(siteId)))
                .exchange();
    }

    /** Creates a customer through the API and answers its id. */
    protected String createCustomer(String siteId, String json) {
        return send(HttpMethod.POST, siteId, "/customers", json).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    protected void createSite(String siteId) {
        putSite(siteId, """
                {"name": "Site %s", "ownerEmail": "owner@%s.test", "locale": "en"}""".formatted(siteId, siteId))
                .expectStatus().isOk();
    }
}
