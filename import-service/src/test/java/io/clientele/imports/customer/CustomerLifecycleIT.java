package io.clientele.imports.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerErasureConfirmed;
import io.clientele.events.CustomerMerged;
import io.clientele.events.ImportBatchApplied;
import io.clientele.events.ImportBatchRequested;
import io.clientele.events.ImportRowOutcome;
import io.clientele.events.ImportRowStatus;
import io.clientele.imports.ImportServiceITSupport;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What import-service does when customer-service merges customers, reports on one, or erases one. */
class CustomerLifecycleIT extends ImportServiceITSupport {

    @Test
    void theRowsThatBecameACustomerAreReportedThenBlankedOnErasureWithTheRowsNamingTheirEmailOrPhone() throws Exception {
        String erin = UUID.randomUUID().toString();
        String olga = UUID.randomUUID().toString();
        String importId = imported("gdpr-import", Map.of(2, erin, 4, olga), """
                email,firstName,lastName,phone
                erin@import.test,Erinna,Quill,+33 6 71 82 93 04
                ERIN@import.test,Erinna,Quill,
                olga@import.test,Olga,Other,
                """);
        get("gdpr-import", "/customers/" + erin + "/personal-data").expectStatus().isOk().expectBody()
                .jsonPath("$.importedRows.length()").isEqualTo(1)
                .jsonPath("$.importedRows[0].import_id").isEqualTo(importId)
                .jsonPath("$.importedRows[0].headers").isEqualTo(List.of("email", "firstName", "lastName", "phone"))
                .jsonPath("$.importedRows[0].cells[0]").isEqualTo("erin@import.test");

        publish(Topics.CUSTOMER_EVENTS, erin, CustomerErased.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("gdpr-import").setCustomerId(erin)
                .setIdentifierHashes(List.of(sha256("erin@import.test"), sha256("33671829304"))).build());

        CustomerErasureConfirmed confirmed = await().atMost(Duration.ofSeconds(20)).until(() -> events(Topics.IMPORT_EVENTS)
                .stream().map(record -> record.value()).filter(CustomerErasureConfirmed.class::isInstance)
                .map(CustomerErasureConfirmed.class::cast).filter(event -> event.getCustomerId().equals(erin)).toList(),
                found -> !found.isEmpty()).getFirst();
        assertThat(confirmed.getService()).isEqualTo("import-service");
        for (String kept : List.of("erin@import.test", "Erinna", "Quill", "71 82 93 04")) {
            assertThat(count("SELECT count(*) AS n FROM import_rows r WHERE CAST(r.* AS text) ILIKE '%" + kept + "%'")).as(kept).isZero();
            assertThat(count("SELECT count(*) AS n FROM outbox WHERE position(convert_to('" + kept + "', 'UTF8') IN payload) > 0"))
                    .as(kept).isZero();
        }
        assertThat(count("SELECT count(*) AS n FROM import_rows WHERE import_id = '" + importId + "'")).isEqualTo(3);
        assertThat(count("SELECT count(*) AS n FROM import_rows WHERE customer_id = '" + olga + "' AND cells[1] = 'olga@import.test'"))
                .as("another customer's row stays").isEqualTo(1);
    }

    @Test
    void theRowsOfAMergedCustomerNameTheSurvivor() {
        String merged = UUID.randomUUID().toString();
        String survivor = UUID.randomUUID().toString();
        imported("merge-import", Map.of(2, merged), "email\nmax@import.test\n");

        publish(Topics.CUSTOMER_EVENTS, merged, CustomerMerged.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("merge-import").setCustomerId(survivor).setMergedCustomerId(merged).build());

        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) AS n FROM import_rows WHERE customer_id = '"
                + survivor + "'") == 1);
    }

    /** Imports the CSV, customer-service answering that each row number given created that customer. */
    private String imported(String siteId, Map<Integer, String> created, String csv) {
        String importId = uploaded(siteId, "people.csv", csv.getBytes(StandardCharsets.UTF_8), null);
        ImportBatchRequested command = commands(importId, 1).getFirst();
        publish(Topics.IMPORT_RESULTS, importId, ImportBatchApplied.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId(siteId).setImportId(importId).setBatch(command.getBatch())
                .setOutcomes(command.getRows().stream().map(row -> ImportRowOutcome.newBuilder().setRowNumber(row.getRowNumber())
                        .setStatus(ImportRowStatus.CREATED).setCustomerId(created.get(row.getRowNumber())).build()).toList())
                .build());
        await().atMost(Duration.ofSeconds(20)).until(() -> "FINISHED".equals(progress(siteId, importId).get("status")));
        return importId;
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
