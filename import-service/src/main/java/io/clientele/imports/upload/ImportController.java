package io.clientele.imports.upload;

import io.clientele.imports.column.ImportColumns;
import io.clientele.imports.job.ImportJobs;
import io.clientele.imports.job.ImportOptions;
import io.clientele.imports.progress.ImportProgress;
import io.clientele.platform.security.SiteGrant;
import io.clientele.platform.spreadsheet.SpreadsheetDownload;
import io.clientele.platform.spreadsheet.SpreadsheetFormat;
import io.clientele.platform.web.PageLimits;
import io.clientele.platform.web.ProblemException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Uploads of customer files, the template they follow, and the list of a site's imports. */
@RestController
class ImportController {

    private final ImportUploads uploads;
    private final ImportJobs jobs;

    ImportController(ImportUploads uploads, ImportJobs jobs) {
        this.uploads = uploads;
        this.jobs = jobs;
    }

    /** {@code file}: the XLSX or CSV file; {@code options} (optional): a JSON part with {@link ImportOptions}. */
    @PostMapping(path = "/api/v1/sites/{siteId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<ImportProgress>> upload(@PathVariable String siteId, @RequestPart("file") Mono<FilePart> file,
                                                @RequestPart(name = "options", required = false) Mono<ImportOptions> options,
                                                @AuthenticationPrincipal Jwt token) {
        String requestedBy = SiteGrant.actor(token);
        return options.map(Optional::of).defaultIfEmpty(Optional.empty())
                .zipWith(file.switchIfEmpty(Mono.error(() -> ProblemException.invalidField("file", "is required"))))
                .flatMap(optionsAndFile -> uploads.accept(siteId, requestedBy, optionsAndFile.getT2(),
                        optionsAndFile.getT1().orElse(null)))
                .map(job -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/sites/" + siteId + "/imports/" + job.id()))
                        .body(ImportProgress.of(job)))
                .onErrorMap(DataBufferLimitException.class, ImportController::tooLarge);
    }

    static ProblemException tooLarge(DataBufferLimitException e) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
                "The file is larger than this service accepts: " + e.getMessage());
    }

    @GetMapping("/api/v1/sites/{siteId}/imports")
    Mono<List<ImportProgress>> list(@PathVariable String siteId, @RequestParam(defaultValue = "50") int limit) {
        return jobs.list(siteId, PageLimits.checked(limit)).map(ImportProgress::of).collectList();
    }

    /** A sheet with every importable column and an example row. */
    @GetMapping("/api/v1/sites/{siteId}/imports/template.xlsx")
    Mono<Void> template(@PathVariable String siteId, ServerWebExchange exchange) {
        return SpreadsheetDownload.send(exchange.getResponse(), SpreadsheetFormat.XLSX, "customers-template", "Customers",
                writer -> {
                    writer.row(ImportColumns.ALL);
                    writer.row(ImportColumns.EXAMPLE);
                });
    }
}
