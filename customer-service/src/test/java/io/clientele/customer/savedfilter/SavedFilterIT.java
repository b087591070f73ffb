package io.clientele.customer.savedfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.CustomerServiceITSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class SavedFilterIT extends CustomerServiceITSupport {

    private static final String GERMANS = """
            {"name": "Germans", "query": {"filter": {"groups": [{"conditions": [{"field": "country", "op": "eq", "value": "DE"}]}]},
             "fields": ["email"]}}""";

    @Test
    void aSavedFilterIsRenamedCopiedRunAndDeleted() {
        createSite("saver");
        createCustomer("saver", "{\"email\": \"jan@saver.test\", \"country\": \"DE\"}");
        createCustomer("saver", "{\"email\": \"joe@saver.test\", \"country\": \"US\"}");

        String id = (String) send(HttpMethod.POST, "saver", "/saved-filters", GERMANS).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        send(HttpMethod.POST, "saver", "/saved-filters", GERMANS).expectStatus().isEqualTo(409);
        send(HttpMethod.PATCH, "saver", "/saved-filters/" + id, "{\"name\": \"German customers\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("German customers")
                .jsonPath("$.query.filter.groups[0].conditions[0].value").isEqualTo("DE");
        String copy = (String) send(HttpMethod.POST, "saver", "/saved-filters/" + id + "/copy", "{\"name\": \"Copy\"}")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        send(HttpMethod.PATCH, "saver", "/saved-filters/" + copy, """
                {"query": {"filter": {"groups": [{"conditions": [{"field": "country", "op": "eq", "value": "US"}]}]}}}""")
                .expectStatus().isOk();

        get("saver", "/saved-filters/" + id + "/customers").expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].email").isEqualTo(List.of("jan@saver.test")).jsonPath("$.total").isEqualTo(1);
        get("saver", "/saved-filters/" + copy + "/customers").expectBody()
                .jsonPath("$.items[*].email").isEqualTo(List.of("joe@saver.test"));
        get("saver", "/saved-filters").expectBody().jsonPath("$[*].name").isEqualTo(List.of("Copy", "German customers"));

        http.delete().uri("/api/v1/sites/saver/saved-filters/" + copy).headers(h -> h.setBearerAuth(tokenFor("saver")))
                .exchange().expectStatus().isNoContent();
        get("saver", "/saved-filters/" + copy).expectStatus().isNotFound();
    }

    @Test
    void aBrokenQueryIsNotSaved() {
        createSite("careful");
        send(HttpMethod.POST, "careful", "/saved-filters", """
                {"name": "Broken", "query": {"filter": {"groups": [{"conditions": [{"field": "country", "op": "near", "value": "DE"}]}]}}}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("filter.groups[0].conditions[0].op");
        get("careful", "/saved-filters").expectBody().jsonPath("$").isEmpty();
        assertThat(count("SELECT count(*) AS n FROM saved_filters WHERE site_id = 'careful'")).isZero();
    }
}
