package io.clientele.imports;

import static org.awaitility.Awaitility.await;

import io.clientele.events.ImportBatchApplied;
import io.clientele.events.ImportBatchRequested;
import io.clientele.events.ImportRow;
import io.clientele.events.ImportRowOutcome;
import io.clientele.events.ImportRowStatus;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.testing.ServiceITSupport;
import io.clientele.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Base of import-service's integration tests. customer-service's part (applying a batch, answering its outcomes) is
 * played by the tests through the real topics, so that each outcome is chosen; the round trip through the real
 * customer-service is the end-to-end test's.
 */
@TestPropertySource(properties = {"clientele.imports.batch-size=3", "clientele.imports.max-rows=50",
        "clientele.imports.max-file-size=2MB"})
public abstract class ImportServiceITSupport extends ServiceITSupport {

    protected WebTestClient.ResponseSpec upload(String siteId, String fileName, byte[] content, String optionsJson) {
        return postFile(siteId, "/imports", fileName, content, optionsJson);
    }

    protected WebTestClient.ResponseSpec postFile(String siteId, String path, String fileName, byte[] content, String optionsJson) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", content).filename(fileName).contentType(MediaType.APPLICATION_OCTET_STREAM);
        if (optionsJson != null) {
            body.part("options", optionsJson, MediaType.APPLICATION_JSON);
        }
        return http.post().uri("/api/v1/sites/" + siteId + path)
                .headers(headers -> headers.setBearerAuth(tokenFor(siteId)))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    protected String uploaded(String siteId, String fileName, byte[] content, String optionsJson) {
        return upload(siteId, fileName, content, optionsJson).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    protected WebTestClient.ResponseSpec get(String siteId, String path) {
        return http.get().uri("/api/v1/sites/" + siteId + path).headers(headers -> headers.setBearerAuth(tokenFor(siteId)))
                .exchange();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> progress(String siteId, String importId) {
        return get(siteId, "/imports/" + importId).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The commands sent for the import so far, by batch number. */
    protected static List<ImportBatchRequested> commands(String importId) {
        return events(Topics.IMPORT_COMMANDS).stream().map(record -> (ImportBatchRequested) record.value())
                .filter(command -> command.getImportId().equals(importId))
                .sorted(Comparator.comparing(ImportBatchRequested::getBatch)).toList();
    }

    protected static List<ImportBatchRequested> commands(String importId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> commands(importId), commands -> commands.size() >= count);
    }

    /** Answers a batch as customer-service would, each row's status chosen by the test. */
    protected ImportBatchApplied answer(ImportBatchRequested command, Function<ImportRow, ImportRowStatus> status) {
        ImportBatchApplied applied = ImportBatchApplied.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(command.getSiteId())
                .setImportId(command.getImportId())
                .setBatch(command.getBatch())
                .setOutcomes(command.getRows().stream().map(row -> ImportRowOutcome.newBuilder()
                        .setRowNumber(row.getRowNumber())
                        .setStatus(status.apply(row))
                        .setReason(status.apply(row) == ImportRowStatus.FAILED ? "email: another customer of the site has it" : null)
                        .build()).toList())
                .build();
        publish(Topics.IMPORT_RESULTS, command.getImportId(), applied);
        return applied;
    }

    /** A sheet of one header and one row, written by POI as a spreadsheet program would. */
    protected static byte[] sheet(List<String> header, List<String> row) {
        XSSFWorkbook workbook = workbook();
        Sheet sheet = workbook.createSheet("Customers");
        Row first = sheet.createRow(0);
        Row second = sheet.createRow(1);
        for (int c = 0; c < header.size(); c++) {
            first.createCell(c).setCellValue(header.get(c));
            second.createCell(c).setCellValue(row.get(c));
        }
        return xlsx(workbook);
    }

    protected static byte[] xlsx(Workbook workbook) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static XSSFWorkbook workbook() {
        return new XSSFWorkbook();
    }
}
