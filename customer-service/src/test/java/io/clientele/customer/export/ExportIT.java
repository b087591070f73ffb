package io.clientele.customer.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.CustomerServiceITSupport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class ExportIT extends CustomerServiceITSupport {

    private static final String NORWAY = """
            {"query": {"filter": {"groups": [{"conditions": [{"field": "country", "op": "eq", "value": "NO"}]}]},
                       "sort": [{"field": "email"}]},
             "columns": ["email", "firstName", "lastName", "phone", "tags"], "format": "%s"}""";

    @Test
    void aQueryIsExportedAsCsvWithFormulasNeutralised() {
        createSite("exporter");
        createCustomer("exporter", """
                {"email": "evil@exporter.test", "firstName": "=HYPERLINK(\\"http://x\\",\\"click\\")", "lastName": "@SUM(A1)",
                 "phone": "+47 22 00 00 00", "country": "NO", "tags": ["a", "b"]}""");
        createCustomer("exporter", "{\"email\": \"plain@exporter.test\", \"firstName\": \"Kari\", \"lastName\": \"Nordmann, Jr\", \"country\": \"NO\"}");
        createCustomer("exporter", "{\"email\": \"elsewhere@exporter.test\", \"country\": \"SE\"}");

        byte[] file = send(HttpMethod.POST, "exporter", "/customers/export", NORWAY.formatted("csv")).expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectHeader().value("Content-Disposition", disposition -> assertThat(disposition)
                        .isEqualTo("attachment; filename=\"customers-exporter.csv\""))
                .expectBody(byte[].class).returnResult().getResponseBody();

        String csv = new String(file, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv.substring(1).split("\r\n")).containsExactly(
                "id,email,firstName,lastName,phone,tags",
                csv.split("\r\n")[1].substring(0, 36) + ",evil@exporter.test,\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",'@SUM(A1),+4722000000,\"a, b\"",
                csv.split("\r\n")[2].substring(0, 36) + ",plain@exporter.test,Kari,\"Nordmann, Jr\",,");
    }

    @Test
    void aQueryIsExportedAsXlsx() throws Exception {
        createSite("sheets");
        createCustomer("sheets", "{\"email\": \"one@sheets.test\", \"firstName\": \"=1+1\", \"country\": \"NO\", \"tags\": [\"x\"]}");
        createCustomer("sheets", "{\"email\": \"two@sheets.test\", \"firstName\": \"Two\", \"country\": \"NO\"}");

        byte[] file = send(HttpMethod.POST, "sheets", "/customers/export", NORWAY.formatted("xlsx")).expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(1)).isEqualTo("email");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("one@sheets.test");
            assertThat(rows.get(1).getCellText(2)).isEqualTo("=1+1");
            assertThat(rows.get(1).getCell(2).getFormula()).isNull();
            assertThat(rows.get(1).getCellText(5)).isEqualTo("x");
            assertThat(rows.get(2).getCellText(2)).isEqualTo("Two");
        }
        send(HttpMethod.POST, "sheets", "/customers/export", "{\"format\": \"pdf\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
        send(HttpMethod.POST, "sheets", "/customers/export", "{\"columns\": [\"shoeSize\"]}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("columns");
    }
}
