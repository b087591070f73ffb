package io.clientele.customer.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.CustomerUpdated;
import io.clientele.events.GroupChange;
import io.clientele.events.GroupChanged;
import io.clientele.events.SiteUpdated;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class GroupIT extends CustomerServiceITSupport {

    @Test
    void groupsAreCreatedRenamedAndDeletedWithTheirMembers() {
        createSite("guild");
        String ada = createCustomer("guild", "{\"email\": \"ada@guild.test\"}");
        String bob = createCustomer("guild", "{\"email\": \"bob@guild.test\"}");

        send(HttpMethod.POST, "guild", "/groups", "{\"name\": \"Beta testers\"}").expectStatus().isCreated()
                .expectBody().jsonPath("$.members").isEqualTo(0);
        send(HttpMethod.POST, "guild", "/groups", "{\"name\": \"Beta testers\"}").expectStatus().isEqualTo(409);
        send(HttpMethod.POST, "guild", "/groups/Beta testers/members", "{\"customerIds\": [\"" + ada + "\", \"" + bob + "\"]}")
                .expectStatus().isOk().expectBody().jsonPath("$.members").isEqualTo(2);
        send(HttpMethod.POST, "guild", "/groups/Beta testers/members/remove", "{\"customerIds\": [\"" + bob + "\"]}")
                .expectStatus().isOk().expectBody().jsonPath("$.members").isEqualTo(1);
        send(HttpMethod.PATCH, "guild", "/groups/Beta testers", "{\"name\": \"Insiders\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Insiders").jsonPath("$.members").isEqualTo(1);
        get("guild", "/customers/" + ada).expectBody().jsonPath("$.groups").isEqualTo(List.of("Insiders"));
        send(HttpMethod.PATCH, "guild", "/groups/Nothing", "{\"name\": \"Something\"}").expectStatus().isNotFound();

        http.delete().uri("/api/v1/sites/guild/groups/Insiders").headers(h -> h.setBearerAuth(tokenFor("guild"))).exchange()
                .expectStatus().isNoContent();
        get("guild", "/customers/" + ada).expectBody().jsonPath("$.groups").isEmpty();
        get("guild", "/groups").expectBody().jsonPath("$").isEmpty();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(events(Topics.GROUP_EVENTS).stream().map(record -> record.value())
                    .map(GroupChanged.class::cast).filter(change -> change.getSiteId().equals("guild")))
                    .extracting(GroupChanged::getChange, GroupChanged::getName, GroupChanged::getPreviousName)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(GroupChange.CREATED, "Beta testers", null),
                            org.assertj.core.groups.Tuple.tuple(GroupChange.RENAMED, "Insiders", "Beta testers"),
                            org.assertj.core.groups.Tuple.tuple(GroupChange.DELETED, "Insiders", null));
            // site.events is compacted by site: a group change there would be lost to the next SiteUpdated.
            assertThat(events(Topics.SITE_EVENTS)).extracting(record -> record.value()).allMatch(SiteUpdated.class::isInstance);
            assertThat(updatesOf(bob)).extracting(CustomerUpdated::getGroups)
                    .containsExactly(List.of("Beta testers"), List.of());
        });
    }

    @Test
    void aQueryResultIsSavedAsAGroup() {
        createSite("shopfront");
        String paris = createCustomer("shopfront", "{\"email\": \"a@shopfront.test\", \"locality\": \"Paris\", \"tags\": [\"buyer\"]}");
        createCustomer("shopfront", "{\"email\": \"b@shopfront.test\", \"locality\": \"Lyon\", \"tags\": [\"buyer\"]}");
        createCustomer("shopfront", "{\"email\": \"c@shopfront.test\", \"locality\": \"Paris\"}");

        send(HttpMethod.POST, "shopfront", "/groups", """
                {"name": "Paris buyers", "query": {"filter": {"groups": [{"conditions": [
                    {"field": "locality", "op": "eq", "value": "Paris"}, {"field": "tags", "op": "hasAll", "value": ["buyer"]}]}]}}}""")
                .expectStatus().isCreated().expectBody().jsonPath("$.members").isEqualTo(1);
        get("shopfront", "/customers/" + paris).expectBody().jsonPath("$.groups").isEqualTo(List.of("Paris buyers"));
        send(HttpMethod.POST, "shopfront", "/customers/search", """
                {"filter": {"groups": [{"conditions": [{"field": "groups", "op": "hasAny", "value": ["Paris buyers"]}]}]}}""")
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
        send(HttpMethod.PATCH, "shopfront", "/groups/Paris buyers", "{\"name\": \"Parisians\"}").expectStatus().isOk();
        send(HttpMethod.POST, "shopfront", "/customers/search", """
                {"filter": {"groups": [{"conditions": [{"field": "groups", "op": "hasAll", "value": ["Parisians"]}]}]}}""")
                .expectBody().jsonPath("$.items[0].id").isEqualTo(paris).jsonPath("$.total").isEqualTo(1);
        send(HttpMethod.POST, "shopfront", "/customers/search", """
                {"filter": {"groups": [{"conditions": [{"field": "groups", "op": "hasAny", "value": ["Paris buyers"]}]}]}}""")
                .expectBody().jsonPath("$.total").isEqualTo(0);
        http.delete().uri("/api/v1/sites/shopfront/customers/" + paris).headers(h -> h.setBearerAuth(tokenFor("shopfront")))
                .exchange().expectStatus().isNoContent();
        get("shopfront", "/groups/Parisians").expectBody().jsonPath("$.members").isEqualTo(0);
        send(HttpMethod.POST, "shopfront", "/groups", "{\"name\": \"Broken\", \"query\": {\"field\": \"nose\", \"q\": \"x\"}}")
                .expectStatus().isBadRequest();
        get("shopfront", "/groups/Broken").expectStatus().isNotFound();
    }

    private static List<CustomerUpdated> updatesOf(String customerId) {
        return events(Topics.CUSTOMER_EVENTS).stream().filter(record -> customerId.equals(record.key()))
                .map(record -> record.value()).filter(CustomerUpdated.class::isInstance).map(CustomerUpdated.class::cast)
                .filter(updated -> updated.getChangedFields().equals(List.of("groups")))
                .toList();
    }
}
