package io.clientele.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.CustomerCreated;
import io.clientele.events.ContentType;
import io.clientele.events.CustomerDeleted;
import io.clientele.events.CustomerPreferencesChanged;
import io.clientele.events.CustomerUpdated;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class CustomerRecordIT extends CustomerServiceITSupport {

    private static final String FULL = """
            {"salutation": "Dr", "firstName": " Hélène ", "middleName": "Marie", "lastName": "Dupont",
             "organization": "Acme SARL", "email": "Helene.Dupont@Example.FR", "smsNumber": "06 12 34 56 78",
             "phone": "01 42 68 53 00", "alternatePhone": "+44 20 7946 0958", "fax": "01 42 68 53 01",
             "addressLine1": "1 rue de la Paix", "addressLine2": "Bât. B", "locality": "Paris",
             "administrativeArea": "Île-de-France", "province": "Paris", "postalCode": "75002", "country": "fr",
             "birthDate": "1984-02-29", "preferredContentType": "html", "status": "active", "locale": "fr-FR",
             "tags": ["vip", " press ", "vip"], "externalIds": {"legacy": "L-17", "Stripe": "cus_123"},
             "metadata": {"plan": "gold", "seats": "12"}}""";

    @Test
    void aCustomerIsCreatedWithEveryFieldNormalisedAndPublished() {
        createSite("records");

        Map<String, Object> customer = send(HttpMethod.POST, "records", "/customers", FULL).expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/v1/sites/records/customers/"))
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(customer).containsEntry("firstName", "Hélène").containsEntry("email", "Helene.Dupont@Example.FR")
                .containsEntry("smsNumber", "+33612345678").containsEntry("phone", "+33142685300")
                .containsEntry("alternatePhone", "+442079460958").containsEntry("fax", "+33142685301")
                .containsEntry("country", "FR").containsEntry("birthDate", "1984-02-29")
                .containsEntry("preferredContentType", "HTML").containsEntry("status", "ACTIVE")
                .containsEntry("sourceChannel", "MANUAL").containsEntry("accountActive", true)
                .containsEntry("marketingOptIn", false)
                .containsEntry("tags", List.of("vip", "press"))
                .containsEntry("externalIds", Map.of("legacy", "L-17", "stripe", "cus_123"))
                .containsEntry("metadata", Map.of("plan", "gold", "seats", "12"));
        String id = customer.get("id").toString();
        get("records", "/customers/" + id).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.administrativeArea").isEqualTo("Île-de-France")
                .jsonPath("$.notes").isEmpty();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(eventsOf(CustomerCreated.class, id)).singleElement()
                    .satisfies(created -> assertThat(created.getEmail()).isEqualTo("Helene.Dupont@Example.FR"));
            assertThat(eventsOf(CustomerUpdated.class, id)).singleElement().satisfies(updated -> {
                assertThat(updated.getPhone()).isEqualTo("+33142685300");
                assertThat(updated.getExternalIds()).containsEntry("legacy", "L-17");
                assertThat(updated.getTags()).containsExactly("vip", "press");
            });
        });
    }

    @Test
    void everyViolationIsNamedAtOnce() {
        createSite("strict");
        send(HttpMethod.POST, "strict", "/customers", """
                {"email": "not-an-address", "country": "XX", "phone": "call me", "birthDate": "2999-01-01",
                 "status": "GONE", "tags": [""], "externalIds": {"Bad System!": "1"}, "metadata": {"bad key": "x"}}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/invalid-field")
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).containsExactlyInAnyOrder(
                        "email", "country", "phone", "birthDate", "status", "tags", "externalIds", "metadata"));

        send(HttpMethod.POST, "strict", "/customers", "{\"firstName\": \"Nobody\", \"unknownField\": 1}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("unknownField");
        send(HttpMethod.POST, "strict", "/customers", "{\"birthDate\": \"yesterday\", \"email\": \"a@b.test\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("birthDate");
    }

    @Test
    void theSitePolicyDecidesWhatACustomerNeeds() {
        createSite("policy");
        send(HttpMethod.POST, "policy", "/customers", "{\"firstName\": \"Nameless\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat((List<Object>) fields).containsExactlyInAnyOrder("email", "smsNumber"));
        createCustomer("policy", "{\"smsNumber\": \"+33 6 12 34 56 78\"}");

        putSite("policy", """
                {"name": "Policy", "ownerEmail": "owner@policy.test", "locale": "en", "requireNames": true}""")
                .expectStatus().isOk().expectBody().jsonPath("$.requireNames").isEqualTo(true);
        send(HttpMethod.POST, "policy", "/customers", "{\"email\": \"x@policy.test\", \"firstName\": \"Only\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).containsExactly("lastName"));
    }

    @Test
    void aStaleWriteIsRefusedAndAPatchChangesOnlyWhatItNames() {
        createSite("edits");
        String id = createCustomer("edits", "{\"email\": \"old@edits.test\", \"firstName\": \"Ada\", \"lastName\": \"King\"}");

        send(HttpMethod.PATCH, "edits", "/customers/" + id + "?cascade=true", """
                {"email": "new@edits.test", "lastName": null, "tags": ["moved"]}""")
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.email").isEqualTo("new@edits.test").jsonPath("$.firstName").isEqualTo("Ada")
                .jsonPath("$.lastName").doesNotExist();
        http.patch().uri("/api/v1/sites/edits/customers/" + id).headers(h -> {
                    h.setBearerAuth(tokenFor("edits"));
                    h.setIfMatch("\"0\"");
                }).bodyValue(Map.of("firstName", "Augusta")).exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/stale-customer");
        http.put().uri("/api/v1/sites/edits/customers/" + id).headers(h -> {
                    h.setBearerAuth(tokenFor("edits"));
                    h.setIfMatch("\"1\"");
                }).bodyValue(Map.of("email", "new@edits.test", "firstName", "Augusta")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.tags").isEmpty();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(CustomerUpdated.class, id))
                .hasSize(3)
                .satisfies(updates -> {
                    CustomerUpdated moved = updates.get(1);
                    assertThat(moved.getChangedFields()).containsExactlyInAnyOrder("email", "lastName", "tags");
                    assertThat(moved.getPreviousEmail()).isEqualTo("old@edits.test");
                    assertThat(moved.getEmailCascade()).isTrue();
                    assertThat(updates.get(2).getChangedFields()).containsExactlyInAnyOrder("firstName", "tags");
                    assertThat(updates.get(2).getPreviousEmail()).isNull();
                }));
        get("edits", "/customers/" + id).expectBody().jsonPath("$.firstName").isEqualTo("Augusta");
    }

    @Test
    void aPatchMergesMapsKeyByKeyAndNullRemovesAKey() {
        createSite("maps");
        String id = createCustomer("maps", """
                {"email": "maps@maps.test", "externalIds": {"legacy": "L1", "old": "O1"}, "metadata": {"k1": "v1", "k3": "v3"}}""");

        send(HttpMethod.PATCH, "maps", "/customers/" + id, """
                {"externalIds": {"crm": "C9", "old": null}, "metadata": {"k2": "v2", "k3": null}}""")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.externalIds").isEqualTo(Map.of("legacy", "L1", "crm", "C9"))
                .jsonPath("$.metadata").isEqualTo(Map.of("k1", "v1", "k2", "v2"));
        get("maps", "/customers/" + id).expectBody()
                .jsonPath("$.externalIds").isEqualTo(Map.of("legacy", "L1", "crm", "C9"))
                .jsonPath("$.metadata").isEqualTo(Map.of("k1", "v1", "k2", "v2"));
        send(HttpMethod.PATCH, "maps", "/customers/" + id, "{\"metadata\": null}").expectStatus().isOk()
                .expectBody().jsonPath("$.metadata").isEmpty().jsonPath("$.externalIds.legacy").isEqualTo("L1");
    }

    @Test
    void aContentTypeSetAtCreationOrByPatchReachesTheServicesThatMail() {
        createSite("prefs");
        String id = createCustomer("prefs", "{\"email\": \"prefs@prefs.test\", \"preferredContentType\": \"TEXT\"}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(CustomerPreferencesChanged.class, id))
                .singleElement().satisfies(changed -> assertThat(changed.getPreferredContentType()).isEqualTo(ContentType.TEXT)));

        send(HttpMethod.PATCH, "prefs", "/customers/" + id, "{\"preferredContentType\": \"SHORT_TEXT\"}").expectStatus().isOk();
        send(HttpMethod.PATCH, "prefs", "/customers/" + id, "{\"firstName\": \"Only a name\"}").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(CustomerUpdated.class, id)).hasSize(3));
        assertThat(eventsOf(CustomerPreferencesChanged.class, id)).extracting(CustomerPreferencesChanged::getPreferredContentType)
                .containsExactly(ContentType.TEXT, ContentType.SHORT_TEXT);
    }

    @Test
    void anIdentityBelongsToOneCustomerOfASite() {
        createSite("ids");
        createCustomer("ids", "{\"email\": \"taken@ids.test\", \"externalIds\": {\"legacy\": \"A-1\"}}");

        send(HttpMethod.POST, "ids", "/customers", "{\"email\": \"TAKEN@ids.test\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        send(HttpMethod.POST, "ids", "/customers", "{\"email\": \"other@ids.test\", \"externalIds\": {\"legacy\": \"A-1\"}}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("externalIds");
        assertThat(count("SELECT count(*) AS n FROM customers WHERE site_id = 'ids'")).isEqualTo(1);
    }

    @Test
    void notesAreAuthoredAndDeletingRemovesTheCustomer() {
        createSite("notes");
        String id = createCustomer("notes", "{\"email\": \"noted@notes.test\"}");

        send(HttpMethod.POST, "notes", "/customers/" + id + "/notes", "{\"text\": \"Called about the invoice\"}")
                .expectStatus().isCreated().expectBody().jsonPath("$.author").isEqualTo("owner");
        send(HttpMethod.POST, "notes", "/customers/" + id + "/notes", "{\"text\": \" \"}").expectStatus().isBadRequest();
        get("notes", "/customers/" + id).expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.notes[0].text").isEqualTo("Called about the invoice")
                .jsonPath("$.notes[0].createdAt").exists();

        http.delete().uri("/api/v1/sites/notes/customers/" + id).headers(h -> h.setBearerAuth(tokenFor("notes"))).exchange()
                .expectStatus().isNoContent();
        get("notes", "/customers/" + id).expectStatus().isNotFound();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(CustomerDeleted.class, id))
                .singleElement().satisfies(deleted -> assertThat(deleted.getEmail()).isEqualTo("noted@notes.test")));
        assertThat(count("SELECT count(*) AS n FROM customer_notes WHERE customer_id = '" + id + "'")).isZero();
    }

    private static <T> List<T> eventsOf(Class<T> type, String customerId) {
        return events(Topics.CUSTOMER_EVENTS).stream().filter(record -> customerId.equals(record.key()))
                .map(record -> record.value()).filter(type::isInstance).map(type::cast).toList();
    }
}
