package io.clientele.imports.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.events.ImportBatchRequested;
import io.clientele.imports.ImportServiceITSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class InspectionIT extends ImportServiceITSupport {

    private static final String SITE = "inspected";

    @Test
    @SuppressWarnings("unchecked")
    void anInspectedUploadShowsItsColumnsAndImportsOnceWithTheOwnersMapping() {
        byte[] file = sheet(List.of("E-Mail", "Vorname", "Kundennummer"), List.of("anna@example.test", "Anna", "K-1"));

        Map<?, ?> inspection = postFile(SITE, "/imports/inspections", "kunden.xlsx", file, null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = inspection.get("id").toString();
        assertThat(inspection.get("fileName")).isEqualTo("kunden.xlsx");
        assertThat(inspection.get("rows")).isEqualTo(1);
        assertThat((List<Object>) inspection.get("columns")).containsExactly(
                Map.of("header", "E-Mail", "column", "email", "examples", List.of("anna@example.test")),
                nullColumn("Vorname", "Anna"), nullColumn("Kundennummer", "K-1"));
        assertThat((List<Object>) inspection.get("importableColumns")).contains("firstName", "externalId");
        get(SITE, "/imports/inspections/" + id).expectStatus().isOk().expectBody().jsonPath("$.columns[1].header").isEqualTo("Vorname");

        // A mapping that leaves a column unknown is refused, and the inspection waits for a better one.
        importIt(id, "{\"mapping\": {\"Vorname\": \"firstName\"}}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("header.Kundennummer");
        importIt(id, "{\"mapping\": {\"Vorname\": \"firstName\", \"Kundennummer\": \"externalId\"}, \"externalIdSystem\": \"erp\"}")
                .expectStatus().isAccepted()
                .expectHeader().location("/api/v1/sites/" + SITE + "/imports/" + id)
                .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.fileName").isEqualTo("kunden.xlsx");

        ImportBatchRequested command = commands(id, 1).getFirst();
        assertThat(command.getRows().getFirst().getFields()).containsEntry("firstName", "Anna");
        assertThat(command.getExternalIdSystem()).isEqualTo("erp");
        assertThat(command.getRows().getFirst().getExternalId()).isEqualTo("K-1");
        importIt(id, "{\"mapping\": {\"Vorname\": \"firstName\", \"Kundennummer\": \"\"}}").expectStatus().isEqualTo(409);
        get(SITE, "/imports/inspections/" + id).expectStatus().isNotFound();
    }

    @Test
    void aFileRefusedWholeIsRefusedAtItsInspection() {
        postFile(SITE, "/imports/inspections", "empty.csv", "email\n".getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("no rows"));
        get("elsewhere", "/imports/inspections/00000000-0000-0000-0000-000000000000").expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec importIt(String id, String options) {
        return http.post().uri("/api/v1/sites/" + SITE + "/imports/inspections/" + id + "/import")
                .headers(headers -> headers.setBearerAuth(tokenFor(SITE)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(options).exchange();
    }

    private static Map<String, Object> nullColumn(String header, String example) {
        Map<String, Object> column = new java.util.LinkedHashMap<>();
        column.put("header", header);
        column.put("column", null);
        column.put("examples", List.of(example));
        return column;
    }
}
