package io.clientele.customer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.CustomerServiceITSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class SearchIT extends CustomerServiceITSupport {

    private static final String SITE = "finder";
    private static final String AUDIENCE = "audience";
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        createSite(SITE);
        createCustomer(SITE, """
                {"firstName": "Hélène", "lastName": "Dupont", "email": "helene@finder.test", "organization": "Acme",
                 "phone": "06 12 34 56 78", "country": "FR", "birthDate": "1980-05-01", "tags": ["vip", "press"],
                 "externalIds": {"legacy": "LEG-4411"}, "metadata": {"plan": "gold"}}""");
        createCustomer(SITE, """
                {"firstName": "Bjørn", "lastName": "Ødegaard", "email": "bjorn@finder.test", "organization": "Nordic Helene AS",
                 "country": "NO", "birthDate": "1992-11-30", "tags": ["vip"]}""");
        createCustomer(SITE, """
                {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@finder.test", "country": "GB",
                 "metadata": {"referrer": "friend"}}""");
        createCustomer(SITE, """
                {"firstName": "Zoë", "lastName": "Ångström", "email": "zoe@finder.test", "country": "SE", "status": "pending"}""");
        seeded = true;
    }

    @Test
    void wordsAreFoundWhateverTheirCaseAndAccents() {
        assertThat(emailsFound("?q=helene")).containsExactlyInAnyOrder("helene@finder.test", "bjorn@finder.test");
        assertThat(emailsFound("?q=HÉLÈNE&field=name")).containsExactly("helene@finder.test");
        assertThat(emailsFound("?q=lene dup")).containsExactly("helene@finder.test");
        assertThat(emailsFound("?q=bjorn odeg")).containsExactly("bjorn@finder.test");
        assertThat(emailsFound("?q=angstrom")).containsExactly("zoe@finder.test");
        assertThat(emailsFound("?q=nordic&field=organization")).containsExactly("bjorn@finder.test");
        assertThat(emailsFound("?q=nordic&field=name")).isEmpty();
        assertThat(emailsFound("?q=06 12 34&field=phone")).containsExactly("helene@finder.test");
        assertThat(emailsFound("?q=leg-44&field=externalId")).containsExactly("helene@finder.test");
        assertThat(emailsFound("?q=ada@finder&field=email")).containsExactly("ada@finder.test");
        get(SITE, "/customers?q=x&field=shoeSize").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("field");
    }

    @Test
    void filtersCombineConditionsInGroups() {
        // (country FR or NO) and (tag vip) and not born after 1990 -> Hélène only
        assertThat(emailsOf(query("""
                {"filter": {"match": "ALL", "groups": [
                  {"match": "ANY", "conditions": [{"field": "country", "op": "eq", "value": "fr"},
                                                  {"field": "country", "op": "eq", "value": "NO"}]},
                  {"conditions": [{"field": "tags", "op": "hasAny", "value": ["vip"]},
                                  {"field": "birthDate", "op": "between", "value": ["1970-01-01", "1990-12-31"]}]}]}}""")))
                .containsExactly("helene@finder.test");
        // either group: pending status, or a metadata key
        assertThat(emailsOf(query("""
                {"filter": {"match": "ANY", "groups": [
                  {"conditions": [{"field": "status", "op": "eq", "value": "PENDING"}]},
                  {"conditions": [{"field": "metadata", "op": "hasKey", "value": "referrer"}]}]}}""")))
                .containsExactlyInAnyOrder("zoe@finder.test", "ada@finder.test");
        assertThat(emailsOf(query("""
                {"filter": {"groups": [{"conditions": [{"field": "metadata.plan", "op": "eq", "value": "gold"},
                  {"field": "externalIds.legacy", "op": "isNotEmpty"}, {"field": "marketingOptIn", "op": "eq", "value": false},
                  {"field": "createdAt", "op": "gte", "value": "2020-01-01"}, {"field": "lastName", "op": "startsWith", "value": "dup"}]}]}}""")))
                .containsExactly("helene@finder.test");
        assertThat(emailsOf(query("""
                {"filter": {"groups": [{"conditions": [{"field": "createdAt", "op": "lt", "value": "2020-01-01T00:00:00Z"}]}]}}""")))
                .isEmpty();
    }

    @Test
    void pagesFollowTheSortWithATotalAndChosenFields() {
        List<String> names = new ArrayList<>();
        String after = null;
        do {
            Map<?, ?> page = send(HttpMethod.POST, SITE, "/customers/search?limit=3" + (after == null ? "" : "&after=" + after), """
                    {"sort": [{"field": "country", "direction": "DESC"}, {"field": "lastName"}], "fields": ["lastName"]}""")
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(page.get("total")).isEqualTo(4);
            for (Object item : (List<?>) page.get("items")) {
                assertThat(((Map<String, Object>) item).keySet()).containsExactly("id", "lastName");
                names.add((String) ((Map<?, ?>) item).get("lastName"));
            }
            after = (String) page.get("next");
        } while (after != null);
        assertThat(names).containsExactly("Ångström", "Ødegaard", "Lovelace", "Dupont");
    }

    @Test
    void aBroadQueryShowsALowerBoundAndTheCountEndpointCountsThemAll() {
        createSite("crowd");
        db.sql("""
                INSERT INTO customers (id, site_id, email, email_normalized, status, source_channel)
                SELECT gen_random_uuid(), 'crowd', 'c' || i || '@crowd.test', 'c' || i || '@crowd.test', 'ACTIVE', 'IMPORT'
                FROM generate_series(1, 1050) AS i""").then().block();

        Map<?, ?> page = get("crowd", "/customers?limit=10").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(page.get("total")).isEqualTo(CustomerSearch.EXACT_TOTAL_UP_TO);
        assertThat(page.get("totalExact")).isEqualTo(false);
        send(HttpMethod.POST, "crowd", "/customers/count", "{\"q\": \"crowd\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1050);
        send(HttpMethod.POST, "crowd", "/customers/search?limit=5", "{\"q\": \"c104\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(11).jsonPath("$.totalExact").isEqualTo(true);
    }

    @Test
    void aWrongQuerySaysWhatIsWrong() {
        send(HttpMethod.POST, SITE, "/customers/search", """
                {"filter": {"groups": [{"conditions": [{"field": "country", "op": "eq", "value": "FR"},
                                                       {"field": "shoeSize", "op": "eq", "value": 44}]}]}}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("filter.groups[0].conditions[1].field")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("shoeSize"));
        send(HttpMethod.POST, SITE, "/customers/search", """
                {"filter": {"groups": [{"conditions": [{"field": "tags", "op": "contains", "value": "v"}]}]}}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("filter.groups[0].conditions[0].op")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("hasAny"));
        send(HttpMethod.POST, SITE, "/customers/search", "{\"sort\": [{\"field\": \"tags\"}]}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort[0].field");
        get(SITE, "/customers?after=garbage").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("after");
    }

    @Test
    void theFieldsAFilterCanNameComeWithTheirOperators() {
        get(SITE, "/customers/fields").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.name == 'country')].kind").isEqualTo(List.of("TEXT"))
                .jsonPath("$[?(@.name == 'tags')].operators[*]").isEqualTo(List.of("hasAll", "hasAny", "hasNone", "isEmpty", "isNotEmpty"))
                .jsonPath("$[?(@.name == 'marketingOptIn')].operators[*]").isEqualTo(List.of("eq"));
    }

    @Test
    void theMarketableAudienceIsWhoOptedIn() {
        createSite(AUDIENCE);
        String optedIn = createCustomer(AUDIENCE, "{\"email\": \"reader@audience.test\", \"country\": \"IE\"}");
        String optedOut = createCustomer(AUDIENCE, "{\"email\": \"former@audience.test\", \"country\": \"IE\"}");
        send(HttpMethod.POST, AUDIENCE, "/customers/" + optedIn + "/consent",
                "{\"optedIn\": true, \"source\": \"newsletter\", \"evidence\": {\"form\": \"footer\"}}").expectStatus().isCreated()
                .expectBody().jsonPath("$.marketingOptIn").isEqualTo(true).jsonPath("$.consentUpdatedAt").exists();
        send(HttpMethod.POST, AUDIENCE, "/customers/" + optedOut + "/consent", "{\"optedIn\": true}").expectStatus().isCreated();
        send(HttpMethod.POST, AUDIENCE, "/customers/" + optedOut + "/consent", "{\"optedIn\": false, \"source\": \"manual\"}")
                .expectStatus().isCreated();
        send(HttpMethod.POST, AUDIENCE, "/customers/" + optedOut + "/consent", "{\"optedIn\": true, \"source\": \"carrier pigeon\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("source");

        get(AUDIENCE, "/customers/" + optedOut + "/consent").expectStatus().isOk().expectBody()
                .jsonPath("$[*].optedIn").isEqualTo(List.of(false, true))
                .jsonPath("$[*].source").isEqualTo(List.of("manual", "manual"));
        get(AUDIENCE, "/customers/" + optedIn + "/consent").expectBody().jsonPath("$[0].evidence.form").isEqualTo("footer")
                .jsonPath("$[0].evidence.recordedBy").isEqualTo("owner");
        Map<String, Object> audience = get(AUDIENCE, "/customers/marketable").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(emailsOf(audience)).containsExactly("reader@audience.test");
    }

    private Map<?, ?> query(String json) {
        return send(HttpMethod.POST, SITE, "/customers/search", json).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<Object> emailsFound(String parameters) {
        return emailsOf(get(SITE, "/customers" + parameters).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody());
    }

    private static List<Object> emailsOf(Map<?, ?> page) {
        List<?> items = (List<?>) page.get("items");
        assertThat(page.get("total")).isEqualTo(items.size());
        return items.stream().map(item -> (Object) ((Map<?, ?>) item).get("email")).toList();
    }
}
