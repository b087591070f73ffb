package io.clientele.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.CustomerCreated;
import io.clientele.events.GroupChanged;
import io.clientele.events.ImportBatchApplied;
import io.clientele.events.ImportBatchRequested;
import io.clientele.events.ImportIdentity;
import io.clientele.events.ImportRow;
import io.clientele.events.ImportRowOutcome;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportBatchIT extends CustomerServiceITSupport {

    @Test
    void aBatchCreatesUpdatesLeavesOrRefusesEachRowOnceAndSaysWhy() {
        createSite("importing");
        String anna = createCustomer("importing", """
                {"email": "anna@example.test", "firstName": "Anna", "tags": ["old"]}""");
        String bob = createCustomer("importing", """
                {"email": "bob@example.test", "firstName": "Bob", "externalIds": {"crm": "C-2"}}""");
        String importId = UUID.randomUUID().toString();
        ImportBatchRequested batch = batch("importing", importId, 1, List.of(ImportIdentity.EXTERNAL_ID, ImportIdentity.EMAIL, ImportIdentity.PHONE),
                row(2, Map.of("email", "ANNA@example.test", "lastName", "Lee"), null, List.of("imported"), List.of("Gold"), true),
                row(3, Map.of("firstName", "Bob"), "C-2", List.of(), List.of(), null),
                row(4, Map.of("email", "carl@example.test", "smsNumber", "06 11 22 33 44", "country", "fr",
                        "birthDate", "1990-04-01"), "C-9", List.of(), List.of("Gold", "New"), false),
                row(5, Map.of("email", "not-an-email", "firstName", "Dora"), null, List.of(), List.of(), null),
                row(6, Map.of("lastName", "Builder"), "C-2", List.of(), List.of(), null));

        publish(Topics.IMPORT_COMMANDS, importId, batch);
        publish(Topics.IMPORT_COMMANDS, importId, batch);

        List<ImportRowOutcome> outcomes = outcomes(importId, 1);
        assertThat(outcomes).extracting(outcome -> outcome.getRowNumber() + " " + outcome.getStatus() + " " + outcome.getReason())
                .containsExactly("2 UPDATED null", "3 UNCHANGED null", "4 CREATED null",
                        "5 FAILED email: is not an e-mail address", "6 FAILED matches the same customer as row 3");
        assertThat(outcomes.get(0).getCustomerId()).isEqualTo(anna);
        assertThat(outcomes.get(1).getCustomerId()).isEqualTo(bob);
        String carl = outcomes.get(2).getCustomerId();

        get("importing", "/customers/" + anna).expectStatus().isOk().expectBody()
                .jsonPath("$.firstName").isEqualTo("Anna").jsonPath("$.lastName").isEqualTo("Lee")
                .jsonPath("$.email").isEqualTo("ANNA@example.test")
                .jsonPath("$.tags").isEqualTo(List.of("old", "imported")).jsonPath("$.groups").isEqualTo(List.of("Gold"))
                .jsonPath("$.marketingOptIn").isEqualTo(true);
        get("importing", "/customers/" + anna + "/consent").expectStatus().isOk().expectBody()
                .jsonPath("$[0].source").isEqualTo("import").jsonPath("$[0].optedIn").isEqualTo(true);
        get("importing", "/customers/" + carl).expectStatus().isOk().expectBody()
                .jsonPath("$.smsNumber").isEqualTo("+33611223344").jsonPath("$.country").isEqualTo("FR")
                .jsonPath("$.birthDate").isEqualTo("1990-04-01").jsonPath("$.externalIds.crm").isEqualTo("C-9")
                .jsonPath("$.sourceChannel").isEqualTo("IMPORT").jsonPath("$.groups").isEqualTo(List.of("Gold", "New"))
                .jsonPath("$.marketingOptIn").isEqualTo(false);
        get("importing", "/customers?q=dora").expectStatus().isOk().expectBody().jsonPath("$.items").isEmpty();
        assertThat(count("SELECT count(*) AS n FROM timeline_entries WHERE type = 'IMPORTED' AND customer_id IN ('"
                + anna + "', '" + carl + "')")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(events(Topics.CUSTOMER_EVENTS)).extracting(record -> record.value())
                    .filteredOn(CustomerCreated.class::isInstance)
                    .filteredOn(event -> ((CustomerCreated) event).getCustomerId().equals(carl)).hasSize(1);
            assertThat(events(Topics.GROUP_EVENTS)).extracting(record -> record.value()).filteredOn(GroupChanged.class::isInstance)
                    .map(GroupChanged.class::cast).filteredOn(change -> change.getSiteId().equals("importing"))
                    .extracting(GroupChanged::getName).containsExactlyInAnyOrder("Gold", "New");
        });
        assertThat(events(Topics.IMPORT_RESULTS)).extracting(record -> record.value())
                .filteredOn(event -> ((ImportBatchApplied) event).getImportId().equals(importId)).hasSize(1);
    }

    @Test
    void rowsMatchInTheImportsOrderAndCannotTakeAnotherCustomersIdentity() {
        createSite("matching");
        String eve = createCustomer("matching", """
                {"email": "eve@example.test", "smsNumber": "+33 6 99 88 77 66", "externalIds": {"crm": "E-1"}}""");
        createCustomer("matching", """
                {"email": "frank@example.test"}""");
        String importId = UUID.randomUUID().toString();

        publish(Topics.IMPORT_COMMANDS, importId, batch("matching", importId, 1, List.of(ImportIdentity.PHONE),
                row(2, Map.of("smsNumber", "06 99 88 77 66", "country", "FR", "firstName", "Eve"), null, List.of(), List.of(), null),
                row(3, Map.of("email", "frank@example.test"), "F-1", List.of(), List.of(), null),
                row(4, Map.of("email", "gina@example.test"), "E-1", List.of(), List.of(), null),
                row(5, Map.of("email", "hugo@example.test", "firstName", "Hugo"), null, List.of(), List.of(), null),
                row(6, Map.of("email", "Hugo@example.test"), null, List.of(), List.of(), null)));

        assertThat(outcomes(importId, 1))
                .extracting(outcome -> outcome.getRowNumber() + " " + outcome.getStatus() + " " + outcome.getReason())
                .containsExactly("2 UPDATED null",
                        "3 FAILED email: another customer of the site has it",
                        "4 FAILED externalId: another customer of the site has it",
                        "5 CREATED null",
                        "6 FAILED email: row 5 has it too");
        get("matching", "/customers/" + eve).expectStatus().isOk().expectBody().jsonPath("$.firstName").isEqualTo("Eve");
    }

    private List<ImportRowOutcome> outcomes(String importId, int batch) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> events(Topics.IMPORT_RESULTS).stream()
                .map(record -> (ImportBatchApplied) record.value())
                .filter(applied -> applied.getImportId().equals(importId) && applied.getBatch() == batch)
                .map(ImportBatchApplied::getOutcomes).findFirst().orElse(null), Objects::nonNull);
    }

    private static ImportBatchRequested batch(String siteId, String importId, int number, List<ImportIdentity> matchOrder,
                                              ImportRow... rows) {
        return ImportBatchRequested.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes((importId + "/" + number).getBytes()).toString())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setImportId(importId)
                .setBatch(number)
                .setSource("crm export")
                .setMatchOrder(matchOrder)
                .setExternalIdSystem("crm")
                .setRows(List.of(rows))
                .build();
    }

    private static ImportRow row(int number, Map<String, String> fields, String externalId, List<String> tags,
                                 List<String> groups, Boolean optIn) {
        return ImportRow.newBuilder().setRowNumber(number).setFields(fields).setExternalId(externalId)
                .setTags(tags).setGroups(groups).setOptIn(optIn).build();
    }
}
