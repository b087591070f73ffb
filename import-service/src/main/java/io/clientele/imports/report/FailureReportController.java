package io.clientele.imports.report;

import io.clientele.imports.column.ImportColumns;
import io.clientele.imports.job.ImportJobs;
import io.clientele.imports.job.ImportJobs.FailedRow;
import io.clientele.platform.spreadsheet.SpreadsheetDownload;
import io.clientele.platform.spreadsheet.SpreadsheetFormat;
import io.clientele.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The failed rows of an import as they were uploaded (same columns, same order), with the reason in a last column;
 * corrected, the report can be uploaded again as it is (the reason column is left out).
 */
@RestController
class FailureReportController {

    private static final int ROWS_AHEAD = 1_000;

    private final ImportJobs jobs;

    FailureReportController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/v1/sites/{siteId}/imports/{id}/failures.{extension}")
    Mono<Void> failures(@PathVariable String siteId, @PathVariable UUID id, @PathVariable String extension,
                        ServerWebExchange exchange) {
        SpreadsheetFormat format = SpreadsheetFormat.named("extension", extension);
        return jobs.find(siteId, id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("import", id.toString())))
                .flatMap(job -> SpreadsheetDownload.send(exchange.getResponse(), format, "import-failures-" + id, "Failures",
                        writer -> {
                            writer.row(withReason(job.headers(), ImportColumns.REASON));
                            for (FailedRow row : jobs.failures(id).toIterable(ROWS_AHEAD)) {
                                writer.row(withReason(padded(row.cells(), job.headers().size()), row.reason()));
                            }
                        }));
    }

    private static List<String> padded(List<String> cells, int width) {
        List<String> padded = new ArrayList<>(cells);
        while (padded.size() < width) {
            padded.add("");
        }
        return padded;
    }

    private static List<String> withReason(List<String> cells, String reason) {
        List<String> row = new ArrayList<>(cells);
        row.add(reason);
        return row;
    }
}
