package io.clientele.imports.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.events.ImportBatchRequested;
import io.clientele.events.ImportFinished;
import io.clientele.events.ImportIdentity;
import io.clientele.events.ImportRow;
import io.clientele.events.ImportRowStatus;
import io.clientele.imports.ImportServiceITSupport;
import io.clientele.schemas.Topics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.core.ParameterizedTypeReference;

class ImportJobIT extends ImportServiceITSupport {

    @Autowired
    private ImportRun run;
    @Autowired
    private ImportJobs jobs;
    @Autowired
    private ImportProperties properties;

    @Test
    void anExcelFileIsReadCellByCellSentInBatchesAndReportedRowByRow() throws IOException {
        String importId = uploaded("excel", "customers.xlsx", customersWorkbook(), """
                {"source": "Old CRM", "tags": ["migrated"], "groups": ["Imported"], "externalIdSystem": "crm",
                 "matchOrder": ["email", "externalId"]}""");

        List<ImportBatchRequested> commands = commands(importId, 2);
        assertThat(commands).extracting(ImportBatchRequested::getBatch).containsExactly(1, 2);
        ImportBatchRequested first = commands.get(0);
        assertThat(first.getSource()).isEqualTo("Old CRM");
        assertThat(first.getExternalIdSystem()).isEqualTo("crm");
        assertThat(first.getMatchOrder()).containsExactly(ImportIdentity.EMAIL, ImportIdentity.EXTERNAL_ID);
        List<ImportRow> rows = commands.stream().flatMap(command -> command.getRows().stream()).toList();
        assertThat(rows).extracting(ImportRow::getRowNumber).containsExactly(2, 4, 7);
        ImportRow anna = rows.get(0);
        assertThat(anna.getFields()).containsEntry("email", "anna@example.test").containsEntry("firstName", "Anna")
                .containsEntry("lastName", "DOE").containsEntry("smsNumber", "0612345678")
                .containsEntry("phone", "+33142685300").containsEntry("birthDate", "1984-02-29")
                .doesNotContainKey("organization");
        assertThat(anna.getExternalId()).isEqualTo("C-1");
        assertThat(anna.getGroups()).containsExactly("Gold", "Silver", "Imported");
        assertThat(anna.getTags()).containsExactly("migrated");
        assertThat(anna.getOptIn()).isTrue();
        assertThat(rows.get(1).getFields()).containsEntry("birthDate", "1990-04-01");
        assertThat(rows.get(1).getOptIn()).isFalse();
        assertThat(rows.get(2).getOptIn()).isNull();

        var applied = answer(commands.get(0), row -> row.getRowNumber() == 2 ? ImportRowStatus.CREATED : ImportRowStatus.UPDATED);
        publish(Topics.IMPORT_RESULTS, importId, applied);
        answer(commands.get(1), row -> ImportRowStatus.FAILED);

        Map<String, Object> done = await().atMost(Duration.ofSeconds(30))
                .until(() -> progress("excel", importId), progress -> "FINISHED".equals(progress.get("status")));
        assertThat(done).containsEntry("percent", 100)
                .containsEntry("rows", Map.of("total", 6, "read", 6, "applied", 2, "failed", 4))
                .containsEntry("result", Map.of("created", 1, "updated", 1, "unchanged", 0, "failed", 4));
        ImportFinished finished = await().atMost(Duration.ofSeconds(30)).until(() -> events(Topics.IMPORT_EVENTS).stream()
                .map(record -> record.value()).filter(ImportFinished.class::isInstance).map(ImportFinished.class::cast)
                .filter(event -> event.getImportId().equals(importId))
                .toList(), events -> !events.isEmpty()).getFirst();
        assertThat(finished.getFileName()).isEqualTo("customers.xlsx");
        assertThat(finished.getCreated()).isEqualTo(1);
        assertThat(finished.getFailed()).isEqualTo(4);

        String csv = get("excel", "/imports/" + importId + "/failures.csv").expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().toList()).containsExactly(
                "\uFEFFEmail,First name,Last name,SMS number,phone,birthDate,externalId,groups,optIn,reason",
                "ANNA@example.test,Anne,,,,,,,,duplicate of row 2 (same email)",
                "Bob@Example.test,Bobby,,,,,,,,duplicate of row 4 (same email)",
                "dora@example.test,Dora,,,,not a date,,,,\"birthDate: 'not a date' is not a date (2024-01-31, or a spreadsheet date)\"",
                "eve@example.test,Eve,,,,,,,,email: another customer of the site has it");
        byte[] xlsx = get("excel", "/imports/" + importId + "/failures.xlsx").expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = report.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("reason");
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("eve@example.test");
        }

        List<ServerSentEvent<Map<String, Object>>> stream = http.get().uri("/api/v1/sites/excel/imports/" + importId + "/events")
                .headers(headers -> headers.setBearerAuth(tokenFor("excel"))).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                }).getResponseBody().collectList().block(Duration.ofSeconds(10));
        assertThat(stream).isNotEmpty().last().satisfies(event -> {
            assertThat(event.event()).isEqualTo("progress");
            assertThat(event.data()).containsEntry("status", "FINISHED");
        });

        // Corrected, the report is uploaded again as it is: its reason column is left out.
        String retry = uploaded("excel", "failures.csv", csv.replace("not a date", "1991-05-06")
                .getBytes(StandardCharsets.UTF_8), null);
        assertThat(commands(retry, 2)).flatExtracting(ImportBatchRequested::getRows)
                .extracting(row -> row.getFields().get("email"))
                .containsExactly("ANNA@example.test", "Bob@Example.test", "dora@example.test", "eve@example.test");
    }

    @Test
    void aSemicolonSeparatedCsvWithAByteOrderMarkIsReadAsExcelSavesIt() {
        String csv = "\uFEFFemail;firstName;lastName;groups;optIn\r\n"
                + "zoe@example.test;Zoé;\"Dupont; fils\";\"Gold, Silver\";oui\r\n"
                + ";;;;\r\n"
                + "yann@example.test;Yann;\"Le \"\"Roi\"\"\";;\r\n";
        String importId = uploaded("csv", "clients.csv", csv.getBytes(StandardCharsets.UTF_8), null);

        List<ImportRow> rows = commands(importId, 1).getFirst().getRows();
        assertThat(rows).extracting(ImportRow::getRowNumber).containsExactly(2, 4);
        assertThat(rows.get(0).getFields()).containsEntry("firstName", "Zoé").containsEntry("lastName", "Dupont; fils");
        assertThat(rows.get(0).getGroups()).containsExactly("Gold", "Silver");
        assertThat(rows.get(0).getOptIn()).isTrue();
        assertThat(rows.get(1).getFields()).containsEntry("lastName", "Le \"Roi\"");
        assertThat(commands(importId).getFirst().getMatchOrder())
                .containsExactly(ImportIdentity.EXTERNAL_ID, ImportIdentity.EMAIL, ImportIdentity.PHONE);
        assertThat(commands(importId).getFirst().getSource()).isEqualTo("clients.csv");
    }

    @Test
    void aCellWithAControlCharacterFailsItsRowWithTheReasonAndTheImportGoesOn() {
        String importId = uploaded("nul", "nul.csv", "email,firstName\nok@example.test,Ok\nbad@example.test,Nu\u0000l\n"
                .getBytes(StandardCharsets.UTF_8), null);

        List<ImportRow> rows = commands(importId, 1).getFirst().getRows();
        assertThat(rows).extracting(ImportRow::getRowNumber).containsExactly(2);
        answer(commands(importId).getFirst(), row -> ImportRowStatus.CREATED);

        Map<String, Object> done = await().atMost(Duration.ofSeconds(30))
                .until(() -> progress("nul", importId), progress -> "FINISHED".equals(progress.get("status")));
        assertThat(done).containsEntry("result", Map.of("created", 1, "updated", 0, "unchanged", 0, "failed", 1));
        assertThat(get("nul", "/imports/" + importId + "/failures.csv").expectBody(String.class).returnResult()
                .getResponseBody().lines().toList())
                .containsExactly("\uFEFFemail,firstName,reason",
                        "bad@example.test,Nu\uFFFDl,firstName: must not contain control characters");
    }

    @Test
    void anImportWhoseReaderStoppedIsTakenOverWithoutLosingOrResendingARow() throws IOException {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 1; i <= 8; i++) {
            csv.append("resumed").append(i).append("@example.test\n");
        }
        Path file = Files.createDirectories(properties.directory()).resolve(UUID.randomUUID() + ".upload");
        Files.writeString(file, csv);
        ImportOptions options = new ImportOptions(null, null, null, null, null, null).completed("resumed.csv");
        ImportJob job = ImportJob.reading(UUID.randomUUID(), "resume", "resumed.csv", "CSV", file.toString(), List.of("email"),
                options, "owner", 8);
        jobs.create(job).block();
        // The instance reading it stopped after staging and sending the first batch (rows 2 to 4).
        ImportRow sentBefore = ImportRow.newBuilder().setRowNumber(2).setFields(Map.of("email", "resumed1@example.test"))
                .setTags(List.of()).setGroups(List.of()).build();
        jobs.stage(job.id(), List.of(new StagedRow(2, List.of("resumed1@example.test"), null),
                        new StagedRow(3, List.of("resumed2@example.test"), null),
                        new StagedRow(4, List.of("resumed3@example.test"), null)),
                ImportBatchRequested.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(java.time.Instant.now())
                        .setSiteId("resume").setImportId(job.id().toString()).setBatch(1).setSource("resumed.csv")
                        .setMatchOrder(List.of(ImportIdentity.EMAIL)).setExternalIdSystem("import")
                        .setRows(List.of(sentBefore)).build(), 3).block();

        db.sql("UPDATE imports SET reader = 'a-stopped-instance', reader_seen = now() - interval '10 minutes' WHERE id = :id")
                .bind("id", job.id()).then().block();

        assertThat(run.takeOverSilent(Duration.ofMinutes(2)).block()).isEqualTo(1);

        List<ImportBatchRequested> commands = commands(job.id().toString(), 3);
        assertThat(commands).extracting(ImportBatchRequested::getBatch).containsExactly(1, 2, 3);
        assertThat(commands.subList(1, 3)).flatExtracting(ImportBatchRequested::getRows).extracting(ImportRow::getRowNumber)
                .containsExactly(5, 6, 7, 8, 9);
        assertThat(count("SELECT count(*) AS n FROM import_rows WHERE import_id = '" + job.id() + "'")).isEqualTo(8);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(file));
        assertThat(progress("resume", job.id().toString())).containsEntry("status", "APPLYING");
    }

    @Test
    void aBatchCustomerServiceCouldNotApplyIsReportedFailedAndTheImportStillFinishes() {
        String importId = uploaded("dead", "two.csv", "email\nuno@example.test\ndos@example.test\n"
                .getBytes(StandardCharsets.UTF_8), null);
        ImportBatchRequested command = commands(importId, 1).getFirst();

        // What the dead-letter recoverer sends once customer-service's retries are spent.
        var dead = new org.apache.kafka.clients.producer.ProducerRecord<String, Object>(Topics.IMPORT_COMMANDS + ".dlt",
                importId + "/1", command);
        dead.headers().add("kafka_dlt-exception-message", "ERROR: deadlock detected".getBytes(StandardCharsets.UTF_8));
        kafka.send(dead).join();
        kafka.send(dead).join();

        Map<String, Object> done = await().atMost(Duration.ofSeconds(30))
                .until(() -> progress("dead", importId), progress -> "FINISHED".equals(progress.get("status")));
        assertThat(done).containsEntry("result", Map.of("created", 0, "updated", 0, "unchanged", 0, "failed", 2));
        assertThat(get("dead", "/imports/" + importId + "/failures.csv").expectBody(String.class).returnResult()
                .getResponseBody().lines().toList())
                .containsExactly("\uFEFFemail,reason", "uno@example.test,not applied: ERROR: deadlock detected",
                        "dos@example.test,not applied: ERROR: deadlock detected");
    }

    private static byte[] customersWorkbook() {
        XSSFWorkbook workbook = workbook();
        Sheet sheet = workbook.createSheet("Export");
        CellStyle leadingZeros = workbook.createCellStyle();
        leadingZeros.setDataFormat(workbook.createDataFormat().getFormat("0000000000"));
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        row(sheet, 0, "Email", "First name", "Last name", "SMS number", "phone", "birthDate", "externalId", "groups", "optIn");
        Row anna = row(sheet, 1, "anna@example.test", "Anna", null, null, "+33142685300", null, "C-1", "Gold, Silver", "yes");
        anna.createCell(2).setCellFormula("UPPER(\"doe\")");
        anna.createCell(3).setCellValue(612345678);
        anna.getCell(3).setCellStyle(leadingZeros);
        anna.createCell(5).setCellValue(LocalDate.of(1984, 2, 29));
        anna.getCell(5).setCellStyle(date);
        row(sheet, 2, "ANNA@example.test", "Anne");
        row(sheet, 3, "bob@example.test", "Bob", null, null, null, "1990-04-01", "C-2", null, "no");
        row(sheet, 4, "Bob@Example.test", "Bobby");
        row(sheet, 5, "dora@example.test", "Dora", null, null, null, "not a date");
        sheet.createRow(7).createCell(0).setCellValue("  ");
        row(sheet, 6, "eve@example.test", "Eve");
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return xlsx(workbook);
    }

    private static Row row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
        return row;
    }
}
