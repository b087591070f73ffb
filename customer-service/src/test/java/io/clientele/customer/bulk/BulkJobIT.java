package io.clientele.customer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.CustomerDeleted;
import io.clientele.events.CustomerUpdated;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

class BulkJobIT extends CustomerServiceITSupport {

    private static final String IN_PARIS = """
            {"filter": {"groups": [{"conditions": [{"field": "locality", "op": "eq", "value": "Paris"}]}]}}""";

    @Test
    void aBulkChangeSetsFieldsAndTagsAndGroupsOfTheCustomersFoundAndReportsThoseItCannotChange() {
        createSite("bulky");
        putSite("bulky", """
                {"name": "Bulky", "ownerEmail": "owner@bulky.test", "locale": "fr", "requireNames": true}""")
                .expectStatus().isOk();
        String ana = createCustomer("bulky", """
                {"email": "ana@bulky.test", "firstName": "Ana", "lastName": "A", "locality": "Paris", "tags": ["old", "vip"]}""");
        String bea = createCustomer("bulky", """
                {"email": "bea@bulky.test", "firstName": "Bea", "lastName": "B", "locality": "Paris"}""");
        String lyon = createCustomer("bulky", """
                {"email": "cy@bulky.test", "firstName": "Cy", "lastName": "C", "locality": "Lyon"}""");

        String location = send(HttpMethod.POST, "bulky", "/customers/bulk-changes", """
                {"query": %s, "set": {"country": "FR", "organization": "Paris office"},
                 "addTags": ["paris"], "removeTags": ["old"], "addGroups": ["Parisians"]}""".formatted(IN_PARIS))
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.kind").isEqualTo("CHANGE").jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.requestedBy").isEqualTo("owner")
                .returnResult().getResponseHeaders().getLocation().getPath();
        awaitFinished(location);
        http.get().uri(location).headers(h -> h.setBearerAuth(tokenFor("bulky"))).exchange().expectBody()
                .jsonPath("$.processed").isEqualTo(2).jsonPath("$.changed").isEqualTo(2).jsonPath("$.failed").isEqualTo(0)
                .jsonPath("$.percent").isEqualTo(100);
        get("bulky", "/customers/" + ana).expectBody()
                .jsonPath("$.country").isEqualTo("FR").jsonPath("$.organization").isEqualTo("Paris office")
                .jsonPath("$.tags").isEqualTo(List.of("vip", "paris")).jsonPath("$.groups").isEqualTo(List.of("Parisians"));
        get("bulky", "/customers/" + lyon).expectBody().jsonPath("$.country").doesNotExist().jsonPath("$.groups").isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(updatesOf(bea))
                .anySatisfy(updated -> assertThat(updated.getChangedFields()).contains("country", "organization", "tags", "groups")));
        get("bulky", "/customers/" + bea + "/timeline?type=UPDATED").expectBody()
                .jsonPath("$.entries[0].channel").isEqualTo("BULK");

        String second = send(HttpMethod.POST, "bulky", "/customers/bulk-changes", """
                {"query": %s, "set": {"lastName": null}, "removeGroups": ["Parisians"]}""".formatted(IN_PARIS))
                .expectStatus().isAccepted().returnResult(Void.class).getResponseHeaders().getLocation().getPath();
        awaitFinished(second);
        http.get().uri(second).headers(h -> h.setBearerAuth(tokenFor("bulky"))).exchange().expectBody()
                .jsonPath("$.changed").isEqualTo(0).jsonPath("$.failed").isEqualTo(2)
                .jsonPath("$.failures[0].reason").value(reason -> assertThat(reason.toString()).contains("lastName"));
        get("bulky", "/customers/" + ana).expectBody().jsonPath("$.lastName").isEqualTo("A")
                .jsonPath("$.groups").isEqualTo(List.of("Parisians"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBulkChangeRefusesWhatItCannotApplyBeforeItStarts() {
        createSite("bulky2");
        send(HttpMethod.POST, "bulky2", "/customers/bulk-changes", """
                {"query": {}, "set": {"email": "same@bulky.test", "shoeSize": 42, "tags": []}}""")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("set.email", "set.tags", "set.shoeSize"));
        send(HttpMethod.POST, "bulky2", "/customers/bulk-changes", """
                {"query": {}, "set": {"country": "ZZ", "preferredContentType": "PDF", "birthDate": "tomorrow"}}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("set.birthDate");
        send(HttpMethod.POST, "bulky2", "/customers/bulk-changes", """
                {"query": {}, "set": {"country": "ZZ", "preferredContentType": "PDF", "locality": "Paris"}}""")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("set.country", "set.preferredContentType"));
        send(HttpMethod.POST, "bulky2", "/customers/bulk-changes", "{\"query\": {}}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("set");
        send(HttpMethod.POST, "bulky2", "/customers/bulk-changes", "{\"addTags\": [\"x\"]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("query");
        assertThat(count("SELECT count(*) AS n FROM bulk_jobs WHERE site_id = 'bulky2'")).isZero();
    }

    @Test
    void aBulkDeletionIsPreviewedThenConfirmedWithItsTokenAndAReasonAndLeavesAnAuditRecord() {
        createSite("purge");
        String ana = createCustomer("purge", "{\"email\": \"ana@purge.test\", \"locality\": \"Paris\"}");
        String bea = createCustomer("purge", "{\"email\": \"bea@purge.test\", \"locality\": \"Paris\"}");
        String lyon = createCustomer("purge", "{\"email\": \"cy@purge.test\", \"locality\": \"Lyon\"}");
        send(HttpMethod.POST, "purge", "/customers/" + ana + "/notes", "{\"text\": \"called\"}").expectStatus().isCreated();

        String token = preview("purge", 2);
        send(HttpMethod.POST, "purge", "/customers/bulk-deletions", "{\"token\": \"" + token + "\", \"reason\": \"too short\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        send(HttpMethod.POST, "purge", "/customers/bulk-deletions", "{\"token\": \"nope\", \"reason\": \"closing the Paris shop\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("token");
        createSite("purge-other");
        send(HttpMethod.POST, "purge-other", "/customers/bulk-deletions",
                "{\"token\": \"" + token + "\", \"reason\": \"closing the Paris shop\"}").expectStatus().isBadRequest();

        String location = send(HttpMethod.POST, "purge", "/customers/bulk-deletions",
                "{\"token\": \"" + token + "\", \"reason\": \"closing the Paris shop\"}")
                .expectStatus().isAccepted().expectBody().jsonPath("$.kind").isEqualTo("DELETE")
                .returnResult().getResponseHeaders().getLocation().getPath();
        awaitFinished(location);
        send(HttpMethod.POST, "purge", "/customers/bulk-deletions", "{\"token\": \"" + token + "\", \"reason\": \"closing the Paris shop\"}")
                .expectStatus().isBadRequest();

        get("purge", "/customers/" + ana).expectStatus().isNotFound();
        get("purge", "/customers/" + bea).expectStatus().isNotFound();
        get("purge", "/customers/" + lyon).expectStatus().isOk();
        assertThat(count("SELECT count(*) AS n FROM customer_notes WHERE customer_id = '" + ana + "'")).isZero();
        get("purge", "/bulk-jobs").expectStatus().isOk().expectBody()
                .jsonPath("$[0].kind").isEqualTo("DELETE").jsonPath("$[0].reason").isEqualTo("closing the Paris shop")
                .jsonPath("$[0].requestedBy").isEqualTo("owner").jsonPath("$[0].changed").isEqualTo(2)
                .jsonPath("$[0].startedAt").isNotEmpty().jsonPath("$[0].status").isEqualTo("FINISHED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(Topics.CUSTOMER_EVENTS).stream()
                .map(record -> record.value()).filter(CustomerDeleted.class::isInstance).map(CustomerDeleted.class::cast)
                .filter(deleted -> deleted.getSiteId().equals("purge")).map(CustomerDeleted::getCustomerId))
                .containsExactlyInAnyOrder(ana, bea));
    }

    @Test
    void aDeletionWhoseCustomersChangedSinceThePreviewIsRefused() {
        createSite("purge2");
        createCustomer("purge2", "{\"email\": \"ana@purge2.test\", \"locality\": \"Paris\"}");
        String token = preview("purge2", 1);
        createCustomer("purge2", "{\"email\": \"bea@purge2.test\", \"locality\": \"Paris\"}");

        send(HttpMethod.POST, "purge2", "/customers/bulk-deletions", "{\"token\": \"" + token + "\", \"reason\": \"closing the Paris shop\"}")
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(detail ->
                        assertThat(detail.toString()).contains("now finds 2 customers, not the 1 previewed"));
        send(HttpMethod.POST, "purge2", "/customers/count", IN_PARIS).expectBody().jsonPath("$.total").isEqualTo(2);
    }

    @Test
    void aJobOfMoreThanAHundredThousandCustomersIsRefusedBeforeItStarts() {
        createSite("multitude");
        // Straight into the table: 100,001 customers through the API would take minutes.
        db.sql("""
                INSERT INTO customers (id, site_id, email, email_normalized, status, source_channel)
                SELECT gen_random_uuid(), 'multitude', 'c' || i || '@multitude.test', 'c' || i || '@multitude.test', 'ACTIVE', 'MANUAL'
                FROM generate_series(1, 100001) AS i""").then().block();

        send(HttpMethod.POST, "multitude", "/customers/bulk-changes", "{\"query\": {}, \"addTags\": [\"all\"]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("query")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString()).contains("100000"));
        send(HttpMethod.POST, "multitude", "/customers/bulk-deletions/preview", "{\"query\": {}}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("query");
        assertThat(count("SELECT count(*) AS n FROM bulk_jobs WHERE site_id = 'multitude'")).isZero();

        send(HttpMethod.POST, "multitude", "/customers/bulk-changes", """
                {"query": {"q": "c1@multitude.test", "field": "email"}, "addTags": ["first"]}""").expectStatus().isAccepted();
    }

    private String preview(String siteId, int expected) {
        Map<String, Object> preview = send(HttpMethod.POST, siteId, "/customers/bulk-deletions/preview", "{\"query\": " + IN_PARIS + "}")
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(preview).containsEntry("count", expected).containsKey("expiresAt");
        return preview.get("token").toString();
    }

    private void awaitFinished(String location) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "FINISHED".equals(http.get().uri(location)
                .headers(h -> h.setBearerAuth(tokenFor(location.split("/")[4]))).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("status")));
    }

    private static List<CustomerUpdated> updatesOf(String customerId) {
        return events(Topics.CUSTOMER_EVENTS).stream().map(record -> record.value()).filter(CustomerUpdated.class::isInstance)
                .map(CustomerUpdated.class::cast).filter(updated -> updated.getCustomerId().equals(customerId)).toList();
    }
}
