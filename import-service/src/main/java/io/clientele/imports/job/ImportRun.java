package io.clientele.imports.job;

import io.clientele.events.ImportBatchRequested;
import io.clientele.events.ImportRow;
import io.clientele.imports.column.ColumnMapping;
import io.clientele.imports.column.ParsedRow;
import io.clientele.imports.column.RowParser;
import io.clientele.imports.file.SheetFormat;
import io.clientele.imports.file.SheetReader;
import io.clientele.imports.file.SheetRow;
import io.clientele.platform.polling.PollingLifecycle;
import io.clientele.platform.web.TextInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads an accepted import's file and sends its rows to customer-service a batch at a time: each batch's rows are
 * staged with the batch's command in one transaction, which also shows the job's reader is still at it. A job whose
 * reader has been silent for a while (it stopped, or its instance is gone) is taken over by an instance that checks
 * every half minute: the file (on a volume the instances share) is read again from the top, so that duplicates are
 * still found, and the rows already staged are skipped: no row is lost and none is sent twice.
 */
@Component
public class ImportRun extends PollingLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final ImportJobs jobs;
    private final ImportProperties properties;
    private static final Duration SILENCE = Duration.ofMinutes(2);

    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    ImportRun(ImportJobs jobs, ImportProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
        poll("Import take-over", Duration.ofSeconds(5), Duration.ofSeconds(30),
                () -> takeOverSilent(SILENCE));
    }

    /** Reads the job's file on its own thread. */
    public void readInBackground(ImportJob job) {
        readers.execute(() -> {
            try {
                read(job);
            } catch (RuntimeException e) {
                log.error("Import {} stopped reading; an instance takes it over when it has been silent for {}", job.id(),
                        SILENCE, e);
            }
        });
    }

    /** Reads the jobs whose reader has been silent for longer than {@code silence}; answers how many. */
    Mono<Long> takeOverSilent(Duration silence) {
        return jobs.claimSilent(silence).doOnNext(this::readInBackground).count();
    }

    private void read(ImportJob job) {
        Path file = Path.of(job.filePath());
        int staged = jobs.lastStagedRow(job.id()).block(STEP_TIMEOUT);
        int batch = job.batchesSent();
        int read = 0;
        try (SheetReader reader = SheetFormat.valueOf(job.format()).reopen(file)) {
            SheetRow header = reader.nextNonBlank();
            if (header == null) {
                throw new IllegalStateException("the file has no header row");
            }
            ColumnMapping columns = ColumnMapping.of(header, job.options().mapping());
            RowParser parser = new RowParser(columns, job.options().tags(), job.options().groups());
            InFileDuplicates duplicates = new InFileDuplicates();
            List<StagedRow> rows = new ArrayList<>(properties.batchSize());
            List<ImportRow> sent = new ArrayList<>(properties.batchSize());
            for (SheetRow row = reader.nextNonBlank(); row != null; row = reader.nextNonBlank()) {
                read++;
                ParsedRow parsed = parser.parse(row);
                String failure = parsed.failed() ? parsed.failure() : duplicates.check(parsed.row());
                if (row.number() <= staged) {
                    continue;
                }
                // A refused character cannot be stored: the row, failed, is kept with it marked.
                rows.add(new StagedRow(row.number(), row.cells().stream().map(TextInput::storable).toList(), failure));
                if (failure == null) {
                    sent.add(parsed.row());
                }
                if (rows.size() == properties.batchSize()) {
                    batch = stage(job, rows, sent, batch, read);
                }
            }
            stage(job, rows, sent, batch, read);
        }
        jobs.readingDone(job.id()).block(STEP_TIMEOUT);
        discard(file);
    }

    private int stage(ImportJob job, List<StagedRow> rows, List<ImportRow> sent, int batch, int read) {
        if (rows.isEmpty()) {
            return batch;
        }
        int number = sent.isEmpty() ? batch : batch + 1;
        ImportBatchRequested command = sent.isEmpty() ? null : command(job, number, List.copyOf(sent));
        jobs.stage(job.id(), List.copyOf(rows), command, read).block(STEP_TIMEOUT);
        rows.clear();
        sent.clear();
        return number;
    }

    private static ImportBatchRequested command(ImportJob job, int batch, List<ImportRow> rows) {
        return ImportBatchRequested.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes((job.id() + "/" + batch).getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(Instant.now())
                .setSiteId(job.siteId())
                .setImportId(job.id().toString())
                .setBatch(batch)
                .setSource(job.options().source())
                .setMatchOrder(job.options().identities())
                .setExternalIdSystem(job.options().externalIdSystem())
                .setRows(rows)
                .build();
    }

    /** Deletes an upload once its rows are read, or when it is refused. */
    public static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
