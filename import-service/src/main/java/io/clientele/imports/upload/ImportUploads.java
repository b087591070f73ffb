package io.clientele.imports.upload;

import io.clientele.imports.column.ColumnMapping;
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
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Accepts an upload: the file is kept on disk, its header checked and its rows counted (a file with more rows than
 * allowed is refused whole, before any row is applied), then the job is recorded and its rows read on their own.
 * An upload can also be inspected first, its columns mapped by its owner, and then imported.
 */
@Service
class ImportUploads {

    private final ImportJobs jobs;
    private final ImportInspections inspections;
    private final ImportRun run;
    private final ImportProperties properties;
    private final TransactionalOperator tx;

    ImportUploads(ImportJobs jobs, ImportInspections inspections, ImportRun run, ImportProperties properties,
                  TransactionalOperator tx) {
        this.jobs = jobs;
        this.inspections = inspections;
        this.run = run;
        this.properties = properties;
        this.tx = tx;
    }

    Mono<ImportJob> accept(String siteId, String requestedBy, FilePart part, ImportOptions requested) {
        return kept(part, (id, fileName, file) -> {
            ImportOptions options = completed(requested, fileName);
            return Mono.fromCallable(() -> UploadedFile.read(file, properties)).subscribeOn(Schedulers.boundedElastic())
                    .map(read -> job(id, siteId, requestedBy, fileName, file.toString(), read.format().name(),
                            read.header(), read.rows(), options))
                    .flatMap(job -> jobs.create(job).thenReturn(job));
        }).doOnNext(run::readInBackground);
    }

    /** Keeps the upload and answers its columns, for its owner to map before importing it; clears stale inspections. */
    Mono<Inspection> inspect(String siteId, String requestedBy, FilePart part) {
        return clearStale().then(kept(part, (id, fileName, file) -> Mono.fromCallable(() -> UploadedFile.read(file, properties))
                .subscribeOn(Schedulers.boundedElastic())
                .map(read -> new ImportInspections.Stored(new Inspection(id, fileName, read.format().name(), read.rows(),
                        Inspection.columnsOf(read), Instant.now().truncatedTo(ChronoUnit.MILLIS)), file.toString(), requestedBy))
                .flatMap(stored -> inspections.insert(stored, siteId, requestedBy).thenReturn(stored.shown()))));
    }

    Mono<Inspection> inspection(String siteId, UUID id) {
        return stored(siteId, id).map(ImportInspections.Stored::shown);
    }

    /** Imports an inspected upload with the owner's mapping; the import takes the inspection's id. */
    Mono<ImportJob> importInspected(String siteId, UUID id, ImportOptions requested) {
        return inspections.find(siteId, id).switchIfEmpty(jobs.find(siteId, id).flatMap(job -> Mono.error(imported(id))))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("inspection", id.toString())))
                .flatMap(stored -> {
            Inspection shown = stored.shown();
            ImportJob job = job(id, siteId, stored.requestedBy(), shown.fileName(), stored.filePath(), shown.format(),
                    new SheetRow(1, shown.headers()), shown.rows(), completed(requested, shown.fileName()));
            return tx.transactional(inspections.remove(siteId, id).flatMap(removed -> removed
                    ? jobs.create(job).thenReturn(job)
                    : Mono.error(imported(id))));
        }).doOnNext(run::readInBackground);
    }

    private Mono<ImportInspections.Stored> stored(String siteId, UUID id) {
        return inspections.find(siteId, id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("inspection", id.toString())));
    }

    private static ProblemException imported(UUID id) {
        return new ProblemException(HttpStatus.CONFLICT, "inspection-imported", "Imported already",
                "The inspected upload " + id + " was imported already; its import has the same id.");
    }

    /** The upload kept on disk under a new id, then what is done with it; the file is removed when that fails. */
    private <T> Mono<T> kept(FilePart part, KeptFile<T> then) {
        UUID id = UUID.randomUUID();
        String fileName = fileName(part.filename());
        if (!TextInput.acceptableOnOneLine(fileName)) {
            return Mono.error(ProblemException.invalidField("file", "its name " + TextInput.CONTROL_CHARACTERS));
        }
        Path file = properties.directory().resolve(id + ".upload");
        return Mono.fromCallable(() -> Files.createDirectories(properties.directory()))
                .subscribeOn(Schedulers.boundedElastic())
                .then(part.transferTo(file))
                .then(Mono.defer(() -> then.apply(id, fileName, file)))
                .onErrorResume(e -> Mono.fromRunnable(() -> ImportRun.discard(file)).then(Mono.error(e)));
    }

    private Mono<Void> clearStale() {
        return inspections.removeBefore(Instant.now().minus(Inspection.KEPT))
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(path -> ImportRun.discard(Path.of(path)))
                .then();
    }

    /** A job for the file, whose header the options' mapping must read (a 400 names every problem at once). */
    private static ImportJob job(UUID id, String siteId, String requestedBy, String fileName, String filePath, String format,
                                 SheetRow header, int rows, ImportOptions options) {
        ColumnMapping columns = ColumnMapping.of(header, options.mapping());
        return ImportJob.reading(id, siteId, fileName, format, filePath, columns.headers(), options, requestedBy, rows);
    }

    private static ImportOptions completed(ImportOptions requested, String fileName) {
        return (requested == null ? new ImportOptions(null, null, null, null, null, null) : requested).completed(fileName);
    }

    /** The name the file had on the owner's machine, without its folders, as the reports and e-mails show it. */
    private static String fileName(String uploaded) {
        String path = uploaded == null ? "" : uploaded;
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? "upload" : name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    @FunctionalInterface
    private interface KeptFile<T> {
        Mono<T> apply(UUID id, String fileName, Path file);
    }
}
