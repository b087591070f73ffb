package io.clientele.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.CustomerServiceITSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class TenantIsolationIT extends CustomerServiceITSupport {

    @Test
    void oneSitesTokenNeitherReadsNorChangesAnotherSitesCustomers() {
        createSite("alpha");
        createSite("beta");
        String alphaCustomer = createCustomer("alpha", "{\"email\": \"secret@alpha.test\", \"tags\": [\"private\"]}");

        for (String path : new String[]{"/customers/" + alphaCustomer, "/customers?q=secret", "/customers/marketable",
                "/groups", "/saved-filters", "/customers/" + alphaCustomer + "/notes"}) {
            http.get().uri("/api/v1/sites/alpha" + path).headers(h -> h.setBearerAuth(tokenFor("beta"))).exchange()
                    .expectStatus().isForbidden();
        }
        http.patch().uri("/api/v1/sites/alpha/customers/" + alphaCustomer).headers(h -> h.setBearerAuth(tokenFor("beta")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\": \"stolen@beta.test\"}").exchange()
                .expectStatus().isForbidden();
        http.delete().uri("/api/v1/sites/alpha/customers/" + alphaCustomer).headers(h -> h.setBearerAuth(tokenFor("beta")))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/sites/alpha/customers/export").headers(h -> h.setBearerAuth(tokenFor("beta")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isForbidden();

        // With its own site in the path, beta's token finds nothing of alpha's.
        get("beta", "/customers/" + alphaCustomer).expectStatus().isNotFound();
        send(HttpMethod.PATCH, "beta", "/customers/" + alphaCustomer, "{\"email\": \"stolen@beta.test\"}").expectStatus().isNotFound();
        http.delete().uri("/api/v1/sites/beta/customers/" + alphaCustomer).headers(h -> h.setBearerAuth(tokenFor("beta")))
                .exchange().expectStatus().isNotFound();
        send(HttpMethod.POST, "beta", "/groups/Stolen/members", "{\"customerIds\": [\"" + alphaCustomer + "\"]}")
                .expectStatus().isNotFound();
        assertThat(get("beta", "/customers?q=secret").expectBody(Map.class).returnResult().getResponseBody())
                .containsEntry("total", 0);
        String csv = new String(send(HttpMethod.POST, "beta", "/customers/export", "{}").expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("secret@alpha.test");

        get("alpha", "/customers/" + alphaCustomer).expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo("secret@alpha.test");
    }
}
