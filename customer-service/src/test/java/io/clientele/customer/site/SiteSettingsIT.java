package io.clientele.customer.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.SiteUpdated;
import io.clientele.schemas.Topics;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SiteSettingsIT extends CustomerServiceITSupport {

    @Test
    void theOwnerSetsTheSiteSettingsAndTheOtherServicesAreTold() {
        putSite("acme", """
                {"name": "Acme", "ownerEmail": "owner@acme.test", "locale": "fr", "senderName": "Acme team"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.siteId").isEqualTo("acme")
                .jsonPath("$.ownerEmail").isEqualTo("owner@acme.test")
                .jsonPath("$.locale").isEqualTo("fr");

        http.get().uri("/api/v1/sites/acme").headers(h -> h.setBearerAuth(tokenFor("acme"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Acme");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(Topics.SITE_EVENTS))
                .anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo("acme");
                    assertThat(record.value()).isInstanceOfSatisfying(SiteUpdated.class, site -> {
                        assertThat(site.getOwnerEmail()).isEqualTo("owner@acme.test");
                        assertThat(site.getSenderName()).isEqualTo("Acme team");
                    });
                }));
    }

    @Test
    void badSettingsAreRefusedNamingEveryOffendingField() {
        putSite("acme-bad", """
                {"name": "", "ownerEmail": "not-an-email", "locale": "english"}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/invalid-field")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("name").contains("ownerEmail").contains("locale"));
    }

    @Test
    void adminEndpointsNeedATokenForThatSite() {
        http.get().uri("/api/v1/sites/acme").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/sites/acme").headers(h -> h.setBearerAuth(tokenFor("other-site"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/sites/acme/customers").headers(h -> h.setBearerAuth(tokenFor("other-site"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/sites/acme").headers(h -> h.setBearerAuth(tokenFor("acme") + "x")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownSiteIsAProblem() {
        http.get().uri("/api/v1/sites/nowhere").headers(h -> h.setBearerAuth(tokenFor("nowhere"))).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/site-not-found");
    }
}
