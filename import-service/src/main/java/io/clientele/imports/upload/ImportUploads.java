package io.clientele.imports.upload;

import io.clientele.imports.column.ColumnMapping;
import io.clientele.imports.file.FileRefused;
import io.clientele.imports.file.SheetFormat;
import io.clientele.imports.file.SheetReader;
import io.clientele.imports.file.SheetRow;
import io.clientele.imports.job.ImportJob;
import io.clientele.imports.job.ImportJobs;
import io.clientele.imports.job.ImportOptions;
import io.clientele.imports.job.ImportProperties;
import io.clientele.imports.job.ImportRun;
import io.clientele.platform.web.ProblemException;
import io.clientele.platform.web.TextInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Accepts an upload: the file is kept on disk, its header checked and its rows counted (a file with more rows than
 * allowed is refused whole, before any row is applied), then the job is recorded and its rows read on their own.
 */
@Service
class ImportUploads {

    private final ImportJobs jobs;
    private final ImportRun run;
    private final ImportProperties properties;

    ImportUploads(ImportJobs jobs, ImportRun run, ImportProperties properties) {
        this.jobs = jobs;
        this.run = run;
        this.properties = properties;
    }

    Mono<ImportJob> accept(String siteId, String requestedBy, FilePart part, ImportOptions requested) {
        UUID id = UUID.randomUUID();
        String fileName = fileName(part.filename());
        if (!TextInput.acceptableOnOneLine(fileName)) {
            return Mono.error(ProblemException.invalidField("file", "its name " + TextInput.CONTROL_CHARACTERS));
        }
        ImportOptions options = (requested == null ? new ImportOptions(null, null, null, null, null, null) : requested)
                .completed(fileName);
        Path file = properties.directory().resolve(id + ".upload");
        return Mono.fromCallable(() -> Files.createDirectories(properties.directory()))
                .subscribeOn(Schedulers.boundedElastic())
                .then(part.transferTo(file))
                .then(Mono.fromCallable(() -> checked(id, siteId, requestedBy, fileName, file, options))
                        .subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(e -> Mono.fromRunnable(() -> ImportRun.discard(file)).then(Mono.error(e)))
                .flatMap(job -> jobs.create(job).thenReturn(job))
                .doOnNext(run::readInBackground);
    }

    private ImportJob checked(UUID id, String siteId, String requestedBy, String fileName, Path file, ImportOptions options) {
        SheetFormat format = SheetFormat.of(file);
        try (SheetReader reader = format.open(file, properties.xlsxLimits())) {
            SheetRow header = reader.nextNonBlank();
            if (header == null) {
                throw FileRefused.because("the file is empty: it needs a header row and at least one row");
            }
            if (!header.cells().stream().allMatch(cell -> cell == null || TextInput.acceptableOnOneLine(cell))) {
                throw FileRefused.because("the header row holds control characters");
            }
            ColumnMapping columns = ColumnMapping.of(header, options.mapping());
            int rows = 0;
            for (SheetRow row = reader.nextNonBlank(); row != null; row = reader.nextNonBlank()) {
                if (++rows > properties.maxRows()) {
                    throw FileRefused.because("the file has more than " + properties.maxRows()
                            + " rows; split it into several imports");
                }
            }
            if (rows == 0) {
                throw FileRefused.because("the file has a header row but no rows");
            }
            return new ImportJob(id, siteId, fileName, format.name(), file.toString(), columns.headers(), options,
                    requestedBy, ImportJob.READING, rows, 0, 0, 0, 0, 0, 0, 0, Instant.now(), null);
        }
    }

    /** The name the file had on the owner's machine, without its folders, as the reports and e-mails show it. */
    private static String fileName(String uploaded) {
        String path = uploaded == null ? "" : uploaded;
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? "upload" : name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
