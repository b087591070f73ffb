package io.clientele.customer.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.SiteUpdated;
import io.clientele.platform.security.SiteRole;
import io.clientele.schemas.Topics;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

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
    void aPatchChangesOnlyTheSettingsItNamesAndAPutReplacesThemAll() {
        putSite("patched", """
                {"name": "Patched", "ownerEmail": "owner@patched.test", "locale": "fr", "senderName": "Team",
                 "requireNames": true, "singleOptIn": true}""").expectStatus().isOk();

        patchSite("patched", "{\"name\": \"Patched & Co\", \"senderName\": null}").expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Patched & Co").jsonPath("$.senderName").doesNotExist()
                .jsonPath("$.locale").isEqualTo("fr").jsonPath("$.requireNames").isEqualTo(true)
                .jsonPath("$.singleOptIn").isEqualTo(true);
        patchSite("patched", "{\"locale\": \"french\", \"ownerEmail\": null, \"colour\": \"red\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("locale").contains("ownerEmail").contains("colour"));
        http.get().uri("/api/v1/sites/patched").headers(h -> h.setBearerAuth(tokenFor("patched"))).exchange()
                .expectBody().jsonPath("$.locale").isEqualTo("fr").jsonPath("$.name").isEqualTo("Patched & Co");
        patchSite("never-saved", "{\"name\": \"x\"}").expectStatus().isNotFound();

        putSite("patched", """
                {"name": "Patched", "ownerEmail": "owner@patched.test", "locale": "fr"}""").expectStatus().isOk()
                .expectBody().jsonPath("$.requireNames").isEqualTo(false).jsonPath("$.singleOptIn").isEqualTo(false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(Topics.SITE_EVENTS))
                .filteredOn(record -> record.key().equals("patched")).hasSize(3));
    }

    private WebTestClient.ResponseSpec patchSite(String siteId, String json) {
        return http.patch().uri("/api/v1/sites/{siteId}", siteId).headers(h -> h.setBearerAuth(tokenFor(siteId)))
                .contentType(MediaType.valueOf("application/merge-patch+json")).bodyValue(json).exchange();
    }

    @Test
    void theSitesOriginsAreCheckedAndShownOnItsPublicProfile() {
        putSite("origins", """
                {"name": "Origins", "ownerEmail": "owner@origins.test", "locale": "fr",
                 "allowedOrigins": ["https://www.origins.test", "https://shop.origins.test:8443", "http://localhost:3000"]}""")
                .expectStatus().isOk().expectBody().jsonPath("$.allowedOrigins.length()").isEqualTo(3);
        for (String bad : new String[] {"http://www.origins.test", "https://www.origins.test/", "https://WWW.origins.test",
                "https://www.origins.test/path", "www.origins.test", "https://user@www.origins.test", "*"}) {
            patchSite("origins", "{\"allowedOrigins\": [\"" + bad + "\"]}").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").value(field -> assertThat(field.toString()).startsWith("allowedOrigins"));
        }

        http.get().uri("/api/v1/sites/origins/profile").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Origins").jsonPath("$.locale").isEqualTo("fr")
                .jsonPath("$.allowedOrigins[0]").isEqualTo("https://www.origins.test")
                .jsonPath("$.ownerEmail").doesNotExist();
        http.get().uri("/api/v1/sites/nowhere/profile").exchange().expectStatus().isNotFound();
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
    void aViewerReadsAnEditorWorksOnCustomersAndOnlyTheOwnerChangesTheSiteErasesOrDeletesInBulk() {
        putSite("roles", """
                {"name": "Roles", "ownerEmail": "owner@roles.test", "locale": "en"}""").expectStatus().isOk();
        String viewer = tokenFor("roles", SiteRole.VIEWER);
        String editor = tokenFor("roles", SiteRole.EDITOR);

        as(viewer, http.get().uri("/api/v1/sites/roles")).exchange().expectStatus().isOk();
        as(viewer, http.post().uri("/api/v1/sites/roles/customers/search")).bodyValue("{}").exchange().expectStatus().isOk();
        as(viewer, http.post().uri("/api/v1/sites/roles/customers")).bodyValue("{\"email\": \"v@roles.test\"}").exchange()
                .expectStatus().isForbidden();

        String customer = String.valueOf(as(editor, http.post().uri("/api/v1/sites/roles/customers"))
                .bodyValue("{\"email\": \"e@roles.test\"}").exchange().expectStatus().isCreated()
                .expectBody(java.util.Map.class).returnResult().getResponseBody().get("id"));
        as(editor, http.patch().uri("/api/v1/sites/roles")).bodyValue("{\"name\": \"Mine\"}").exchange()
                .expectStatus().isForbidden();
        as(editor, http.post().uri("/api/v1/sites/roles/customers/bulk-deletions/preview")).bodyValue("{\"query\": {}}")
                .exchange().expectStatus().isForbidden();
        http.delete().uri("/api/v1/sites/roles/customers/{id}?erase=true", customer).headers(h -> h.setBearerAuth(editor))
                .exchange().expectStatus().isForbidden();
        http.delete().uri("/api/v1/sites/roles/customers/{id}", customer).headers(h -> h.setBearerAuth(editor))
                .exchange().expectStatus().isNoContent();

        patchSite("roles", "{\"name\": \"Roles & Co\"}").expectStatus().isOk();
    }

    private static WebTestClient.RequestBodySpec as(String token, WebTestClient.RequestBodySpec request) {
        return request.headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON);
    }

    private static WebTestClient.RequestHeadersSpec<?> as(String token, WebTestClient.RequestHeadersSpec<?> request) {
        return request.headers(h -> h.setBearerAuth(token));
    }

    @Test
    void anUnknownSiteIsAProblem() {
        http.get().uri("/api/v1/sites/nowhere").headers(h -> h.setBearerAuth(tokenFor("nowhere"))).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/site-not-found");
    }
}
