package io.clientele.imports.job;

import io.clientele.events.ImportBatchApplied;
import io.clientele.events.ImportBatchRequested;
import io.clientele.events.ImportFinished;
import io.clientele.events.ImportRowOutcome;
import io.clientele.events.ImportRowStatus;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.sql.ArrayLiterals;
import io.clientele.schemas.Topics;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs and their rows. Each step that moves a job on is one transaction with the event it sends, so that a
 * restart finds the job exactly where the last step left it: rows staged with their batch's command, results
 * counted once, the end announced once.
 */
@Repository
public class ImportJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            SELECT id, site_id, file_name, format, file_path, headers, CAST(options AS text) AS options, requested_by,
                status, total_rows, rows_read, batches_sent, batches_applied, created, updated, unchanged, failed,
                created_at, finished_at
            FROM imports""";

    /** This instance, as a job's reader: a restarted instance is another reader, which takes over silent jobs. */
    static final String READER = hostName() + "/" + UUID.randomUUID();

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Outbox outbox;

    ImportJobs(DatabaseClient db, TransactionalOperator tx, Outbox outbox) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
    }

    public Mono<Void> create(ImportJob job) {
        return db.sql("""
                        INSERT INTO imports (id, site_id, file_name, format, file_path, headers, options, requested_by,
                            status, total_rows, reader, reader_seen, created_at)
                        VALUES (:id, :siteId, :fileName, :format, :filePath, :headers, CAST(:options AS jsonb),
                            :requestedBy, :status, :totalRows, :reader, now(), :createdAt)""")
                .bind("createdAt", job.createdAt() == null ? Instant.now() : job.createdAt())
                .bind("reader", READER)
                .bind("id", job.id()).bind("siteId", job.siteId()).bind("fileName", job.fileName())
                .bind("format", job.format()).bind("filePath", job.filePath())
                .bind("headers", job.headers().toArray(String[]::new))
                .bind("options", JSON.writeValueAsString(job.options())).bind("requestedBy", job.requestedBy())
                .bind("status", job.status()).bind("totalRows", job.totalRows())
                .then();
    }

    public Mono<ImportJob> find(String siteId, UUID id) {
        return db.sql(SELECT + " WHERE site_id = :siteId AND id = :id").bind("siteId", siteId).bind("id", id)
                .map(ImportJobs::job).one();
    }

    public Flux<ImportJob> list(String siteId, int limit) {
        return db.sql(SELECT + " WHERE site_id = :siteId ORDER BY created_at DESC LIMIT :limit")
                .bind("siteId", siteId).bind("limit", limit)
                .map(ImportJobs::job).all();
    }

    /**
     * Takes over the jobs whose reader has not been seen for a while (it stopped, or its instance is gone): this
     * instance reads them now.
     */
    Flux<ImportJob> claimSilent(Duration silence) {
        return db.sql("""
                        UPDATE imports SET reader = :reader, reader_seen = now()
                        WHERE id IN (SELECT id FROM imports WHERE status = 'READING'
                                     AND reader_seen < now() - make_interval(secs => :seconds)
                                     ORDER BY created_at FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .bind("reader", READER).bind("seconds", (double) silence.toSeconds())
                .map(row -> row.get("id", UUID.class)).all()
                .concatMap(id -> db.sql(SELECT + " WHERE id = :id").bind("id", id).map(ImportJobs::job).one());
    }

    /** The number of the last row staged, or 0. */
    Mono<Integer> lastStagedRow(UUID id) {
        return db.sql("SELECT coalesce(max(row_number), 0) AS last FROM import_rows WHERE import_id = :id")
                .bind("id", id).map(row -> row.get("last", Integer.class)).one();
    }

    /**
     * Keeps the rows as read and sends the command for those that did not fail already, in one transaction.
     *
     * @param command null when every row failed before being sent
     */
    Mono<Void> stage(UUID id, List<StagedRow> rows, ImportBatchRequested command, int rowsRead) {
        int failed = (int) rows.stream().filter(row -> row.failure() != null).count();
        Mono<Void> send = command == null ? Mono.empty()
                : outbox.add(Topics.IMPORT_COMMANDS, "import", id + "/" + command.getBatch(), command);
        return tx.transactional(db.sql("""
                        INSERT INTO import_rows (import_id, row_number, cells, status, reason)
                        SELECT :id, n, CAST(c AS text[]), CASE WHEN r IS NULL THEN NULL ELSE 'FAILED' END, r
                        FROM unnest(CAST(:numbers AS int[]), CAST(:cells AS text[]), CAST(:reasons AS text[])) AS x (n, c, r)""")
                .bind("id", id)
                .bind("numbers", rows.stream().map(StagedRow::number).toArray(Integer[]::new))
                .bind("cells", rows.stream().map(row -> ArrayLiterals.of(row.cells())).toArray(String[]::new))
                .bind("reasons", rows.stream().map(StagedRow::failure).toArray(String[]::new))
                .then()
                .then(send)
                .then(db.sql("""
                                UPDATE imports SET rows_read = :rowsRead, failed = failed + :failed,
                                    batches_sent = batches_sent + :sent, reader_seen = now()
                                WHERE id = :id AND reader = :reader""")
                        .bind("id", id).bind("rowsRead", rowsRead).bind("failed", failed)
                        .bind("sent", command == null ? 0 : 1).bind("reader", READER)
                        .fetch().rowsUpdated()
                        .flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                                : Mono.error(new IllegalStateException("another instance reads import " + id + " now")))));
    }

    /** Every row is read and sent: the job now waits for the results, or is finished when none are owed. */
    Mono<Void> readingDone(UUID id) {
        return tx.transactional(db.sql("""
                        UPDATE imports SET status = 'APPLYING', file_path = NULL WHERE id = :id
                        RETURNING batches_sent = batches_applied AS done""")
                .bind("id", id).map(row -> Boolean.TRUE.equals(row.get("done", Boolean.class))).one()
                .flatMap(done -> done ? finish(id) : Mono.empty()));
    }

    /** Records a batch's outcomes; call it in the transaction that records the result as applied. */
    public Mono<Void> applied(ImportBatchApplied result) {
        UUID id = UUID.fromString(result.getImportId());
        List<ImportRowOutcome> outcomes = result.getOutcomes();
        return db.sql("""
                        UPDATE import_rows r SET status = x.s, reason = x.reason, customer_id = CAST(x.c AS uuid)
                        FROM unnest(CAST(:numbers AS int[]), CAST(:statuses AS text[]), CAST(:reasons AS text[]),
                            CAST(:customers AS text[])) AS x (n, s, reason, c)
                        WHERE r.import_id = :id AND r.row_number = x.n""")
                .bind("id", id)
                .bind("numbers", outcomes.stream().map(ImportRowOutcome::getRowNumber).toArray(Integer[]::new))
                .bind("statuses", outcomes.stream().map(outcome -> outcome.getStatus().name()).toArray(String[]::new))
                .bind("reasons", outcomes.stream().map(ImportRowOutcome::getReason).toArray(String[]::new))
                .bind("customers", outcomes.stream().map(ImportRowOutcome::getCustomerId).toArray(String[]::new))
                .then()
                .then(db.sql("""
                                UPDATE imports SET batches_applied = batches_applied + 1, created = created + :created,
                                    updated = updated + :updated, unchanged = unchanged + :unchanged, failed = failed + :failed
                                WHERE id = :id
                                RETURNING status = 'APPLYING' AND batches_sent = batches_applied AS done""")
                        .bind("id", id)
                        .bind("created", count(outcomes, ImportRowStatus.CREATED))
                        .bind("updated", count(outcomes, ImportRowStatus.UPDATED))
                        .bind("unchanged", count(outcomes, ImportRowStatus.UNCHANGED))
                        .bind("failed", count(outcomes, ImportRowStatus.FAILED))
                        .map(row -> Boolean.TRUE.equals(row.get("done", Boolean.class))).one()
                        .flatMap(done -> done ? finish(id) : Mono.empty()));
    }

    /** Finishes the job once, and announces it with its counts. */
    private Mono<Void> finish(UUID id) {
        return db.sql("""
                        UPDATE imports SET status = 'FINISHED', finished_at = now() WHERE id = :id AND status = 'APPLYING'
                        RETURNING site_id, file_name, created, updated, unchanged, failed""")
                .bind("id", id)
                .map(row -> ImportFinished.newBuilder()
                        .setEventId(Events.newEventId())
                        .setOccurredAt(Instant.now())
                        .setSiteId(row.get("site_id", String.class))
                        .setImportId(id.toString())
                        .setFileName(row.get("file_name", String.class))
                        .setCreated(row.get("created", Integer.class))
                        .setUpdated(row.get("updated", Integer.class))
                        .setUnchanged(row.get("unchanged", Integer.class))
                        .setFailed(row.get("failed", Integer.class))
                        .build())
                .one()
                .flatMap(finished -> outbox.add(Topics.IMPORT_EVENTS, "import", id.toString(), finished));
    }

    /** The failed rows as uploaded, with their reasons, in file order. */
    public Flux<FailedRow> failures(UUID id) {
        return db.sql("""
                        SELECT row_number, cells, reason FROM import_rows
                        WHERE import_id = :id AND status = 'FAILED' ORDER BY row_number""")
                .bind("id", id)
                .map(row -> new FailedRow(row.get("row_number", Integer.class),
                        Arrays.asList(row.get("cells", String[].class)), row.get("reason", String.class)))
                .all();
    }

    /** A failed row as the failure report shows it. */
    public record FailedRow(int number, List<String> cells, String reason) {
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static int count(List<ImportRowOutcome> outcomes, ImportRowStatus status) {
        return (int) outcomes.stream().filter(outcome -> outcome.getStatus() == status).count();
    }

    private static ImportJob job(Readable row) {
        return new ImportJob(row.get("id", UUID.class), row.get("site_id", String.class), row.get("file_name", String.class),
                row.get("format", String.class), row.get("file_path", String.class),
                Arrays.asList(row.get("headers", String[].class)),
                JSON.readValue(row.get("options", String.class), ImportOptions.class),
                row.get("requested_by", String.class), row.get("status", String.class),
                row.get("total_rows", Integer.class), row.get("rows_read", Integer.class),
                row.get("batches_sent", Integer.class), row.get("batches_applied", Integer.class),
                row.get("created", Integer.class), row.get("updated", Integer.class), row.get("unchanged", Integer.class),
                row.get("failed", Integer.class), row.get("created_at", Instant.class), row.get("finished_at", Instant.class));
    }
}
