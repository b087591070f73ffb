package io.clientele.customer.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.CustomerMerged;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class MergeIT extends CustomerServiceITSupport {

    @Test
    void likelyDuplicatesShareANormalisedEmailAPhoneOrANameAtAPostalCode() {
        createSite("twins");
        String ann = createCustomer("twins", "{\"email\": \"Ann.Lee+shop@gmail.com\"}");
        String annAgain = createCustomer("twins", "{\"email\": \"annlee@googlemail.com\"}");
        String bob = createCustomer("twins", "{\"email\": \"bob@twins.test\", \"phone\": \"+33 6 12 34 56 78\"}");
        String bobAgain = createCustomer("twins", "{\"email\": \"robert@twins.test\", \"smsNumber\": \"+33612345678\"}");
        String helene = createCustomer("twins", """
                {"email": "h1@twins.test", "firstName": "Hélène", "lastName": "Dupont", "postalCode": "75001"}""");
        String heleneAgain = createCustomer("twins", """
                {"email": "h2@twins.test", "firstName": "helene", "lastName": "DUPONT", "postalCode": "75 001"}""");
        createCustomer("twins", """
                {"email": "h3@twins.test", "firstName": "Hélène", "lastName": "Dupont", "postalCode": "69001"}""");

        get("twins", "/customers/duplicates").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].reason").isEqualTo("EMAIL")
                .jsonPath("$.items[0].value").isEqualTo("annlee@gmail.com")
                .jsonPath("$.items[0].customers[*].id").isEqualTo(List.of(ann, annAgain))
                .jsonPath("$.items[1].reason").isEqualTo("NAME_AND_POSTAL_CODE")
                .jsonPath("$.items[1].customers[*].id").isEqualTo(List.of(helene, heleneAgain))
                .jsonPath("$.items[2].reason").isEqualTo("PHONE")
                .jsonPath("$.items[2].customers[*].id").isEqualTo(List.of(bob, bobAgain))
                .jsonPath("$.next").doesNotExist();
        get("twins", "/customers/duplicates?limit=2").expectBody().jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.next").isEqualTo("NAME_AND_POSTAL_CODE helene dupont 75001");
        get("twins", "/customers/duplicates?limit=2&after=NAME_AND_POSTAL_CODE helene dupont 75001").expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].reason").isEqualTo("PHONE");
    }

    @Test
    void aMergeKeepsTheSurvivorsIdAndValuesFillsTheGapsAndCombinesWhatIsKeptBesideTheRecord() {
        createSite("merger");
        String survivor = createCustomer("merger", """
                {"email": "ann@merger.test", "firstName": "Ann", "tags": ["buyer"], "externalIds": {"crm": "C-1"},
                 "metadata": {"plan": "pro"}}""");
        String merged = createCustomer("merger", """
                {"email": "ann.lee@merger.test", "firstName": "Annie", "lastName": "Lee", "phone": "+33 6 12 34 56 78",
                 "tags": ["press"], "externalIds": {"shop": "S-9"}, "metadata": {"plan": "free", "source": "shop"}}""");
        send(HttpMethod.POST, "merger", "/customers/" + merged + "/notes", "{\"text\": \"met at the fair\"}").expectStatus().isCreated();
        send(HttpMethod.POST, "merger", "/customers/" + merged + "/consent", "{\"optedIn\": true}").expectStatus().is2xxSuccessful();
        send(HttpMethod.POST, "merger", "/groups", "{\"name\": \"fair\"}").expectStatus().isCreated();
        send(HttpMethod.POST, "merger", "/groups/fair/members", "{\"customerIds\": [\"" + merged + "\"]}").expectStatus().is2xxSuccessful();

        send(HttpMethod.POST, "merger", "/customers/" + survivor + "/merge",
                "{\"mergedCustomerId\": \"" + merged + "\", \"fieldsFromMerged\": [\"email\"]}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(survivor)
                .jsonPath("$.email").isEqualTo("ann.lee@merger.test")
                .jsonPath("$.firstName").isEqualTo("Ann")
                .jsonPath("$.lastName").isEqualTo("Lee")
                .jsonPath("$.phone").isEqualTo("+33612345678")
                .jsonPath("$.tags").isEqualTo(List.of("buyer", "press"))
                .jsonPath("$.externalIds").isEqualTo(Map.of("crm", "C-1", "shop", "S-9"))
                .jsonPath("$.metadata").isEqualTo(Map.of("plan", "pro", "source", "shop"))
                .jsonPath("$.groups").isEqualTo(List.of("fair"))
                .jsonPath("$.marketingOptIn").isEqualTo(true);

        get("merger", "/customers/" + merged).expectStatus().isNotFound();
        get("merger", "/customers/" + survivor).expectBody().jsonPath("$.notes[0].text").isEqualTo("met at the fair");
        get("merger", "/customers/" + survivor + "/consent").expectBody().jsonPath("$[0].optedIn").isEqualTo(true);
        get("merger", "/customers/" + survivor + "/timeline?type=CREATED").expectBody().jsonPath("$.entries.length()").isEqualTo(2);
        get("merger", "/customers/" + survivor + "/timeline?type=MERGED").expectBody()
                .jsonPath("$.entries[0].details.mergedCustomerId").isEqualTo(merged);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(Topics.CUSTOMER_EVENTS).stream()
                .map(record -> record.value()).filter(CustomerMerged.class::isInstance).map(CustomerMerged.class::cast)
                .filter(event -> event.getMergedCustomerId().equals(merged)))
                .singleElement().satisfies(event -> assertThat(event.getCustomerId()).isEqualTo(survivor)));
    }

    @Test
    void twoIdsOfTheSameSystemRefuseTheMergeAndNameThem() {
        createSite("clash");
        String survivor = createCustomer("clash", "{\"email\": \"a@clash.test\", \"externalIds\": {\"crm\": \"C-1\"}}");
        String merged = createCustomer("clash", "{\"email\": \"b@clash.test\", \"externalIds\": {\"crm\": \"C-2\"}}");

        send(HttpMethod.POST, "clash", "/customers/" + survivor + "/merge", "{\"mergedCustomerId\": \"" + merged + "\"}")
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("externalIds.crm")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString()).contains("C-1", "C-2"));
        get("clash", "/customers/" + merged).expectStatus().isOk();
        send(HttpMethod.POST, "clash", "/customers/" + survivor + "/merge", "{\"mergedCustomerId\": \"" + survivor + "\"}")
                .expectStatus().isBadRequest();
        send(HttpMethod.POST, "clash", "/customers/" + survivor + "/merge",
                "{\"mergedCustomerId\": \"" + merged + "\", \"fieldsFromMerged\": [\"tags\"]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("fieldsFromMerged");
    }
}
