package io.clientele.customer.bulk;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The bulk_jobs table: jobs, the customers each works on, their progress and who runs them. */
@Repository
class BulkJobs {

    /** The failures a job keeps to show; the count goes on. */
    private static final int FAILURES_KEPT = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };
    private static final String VIEW = """
            SELECT id, kind, status, total, processed, changed, failed, requested_by, reason, created_at, started_at,
                   finished_at, CAST(failures AS text) AS failures FROM bulk_jobs""";

    private final DatabaseClient db;

    BulkJobs(DatabaseClient db) {
        this.db = db;
    }

    /** A job that starts running now, by this worker. */
    Mono<Void> insertRunning(UUID id, String siteId, String kind, String query, String changes, String requestedBy,
                             List<UUID> targets, String worker) {
        return db.sql("""
                        INSERT INTO bulk_jobs (id, site_id, kind, status, query, changes, requested_by, targets, total,
                                               worker, worker_seen, started_at)
                        VALUES (:id, :siteId, :kind, 'RUNNING', CAST(:query AS jsonb), CAST(:changes AS jsonb),
                                :requestedBy, :targets, :total, :worker, now(), now())""")
                .bind("id", id).bind("siteId", siteId).bind("kind", kind).bind("query", query).bind("changes", changes)
                .bind("requestedBy", requestedBy).bind("targets", targets.toArray(UUID[]::new)).bind("total", targets.size())
                .bind("worker", worker)
                .then();
    }

    /** A deletion previewed: it waits for its confirmation token until it expires. */
    Mono<Void> insertPreviewed(UUID id, String siteId, String query, String requestedBy, List<UUID> targets,
                               String tokenHash, Instant expiresAt) {
        return db.sql("""
                        INSERT INTO bulk_jobs (id, site_id, kind, status, query, requested_by, targets, total, token_hash,
                                               expires_at)
                        VALUES (:id, :siteId, 'DELETE', 'PREVIEWED', CAST(:query AS jsonb), :requestedBy, :targets, :total,
                                :tokenHash, :expiresAt)""")
                .bind("id", id).bind("siteId", siteId).bind("query", query).bind("requestedBy", requestedBy)
                .bind("targets", targets.toArray(UUID[]::new)).bind("total", targets.size())
                .bind("tokenHash", tokenHash).bind("expiresAt", expiresAt)
                .then();
    }

    /** The previewed deletion the token confirms, or empty. */
    Mono<Previewed> previewed(String siteId, String tokenHash) {
        return db.sql("""
                        SELECT id, CAST(query AS text) AS query, targets, expires_at FROM bulk_jobs
                        WHERE site_id = :siteId AND token_hash = :tokenHash AND status = 'PREVIEWED'""")
                .bind("siteId", siteId).bind("tokenHash", tokenHash)
                .map(row -> new Previewed(row.get("id", UUID.class), row.get("query", String.class),
                        List.of(row.get("targets", UUID[].class)), row.get("expires_at", Instant.class)))
                .one();
    }

    /** Starts a previewed deletion; false when another confirmation started it first. */
    Mono<Boolean> startPreviewed(UUID id, String reason, String confirmedBy, String worker) {
        return db.sql("""
                        UPDATE bulk_jobs SET status = 'RUNNING', reason = :reason, requested_by = :confirmedBy,
                                             token_hash = NULL, worker = :worker, worker_seen = now(), started_at = now()
                        WHERE id = :id AND status = 'PREVIEWED'""")
                .bind("id", id).bind("reason", reason).bind("confirmedBy", confirmedBy).bind("worker", worker)
                .fetch().rowsUpdated().map(started -> started > 0);
    }

    Mono<Void> expire(UUID id) {
        return db.sql("UPDATE bulk_jobs SET status = 'EXPIRED', token_hash = NULL WHERE id = :id AND status = 'PREVIEWED'")
                .bind("id", id).then();
    }

    Mono<BulkJob> find(String siteId, UUID id) {
        return db.sql(VIEW + " WHERE site_id = :siteId AND id = :id").bind("siteId", siteId).bind("id", id)
                .map(BulkJobs::job).one();
    }

    /** The site's jobs, newest first: the audit trail of its bulk changes and deletions. */
    Flux<BulkJob> list(String siteId, int limit) {
        return db.sql(VIEW + " WHERE site_id = :siteId AND status <> 'PREVIEWED' ORDER BY created_at DESC LIMIT :limit")
                .bind("siteId", siteId).bind("limit", limit)
                .map(BulkJobs::job).all();
    }

    /** Where a running job is, locked until the transaction ends so that one chunk is applied once. */
    Mono<Work> lockRunning(UUID id) {
        return db.sql("""
                        SELECT site_id, kind, CAST(changes AS text) AS changes, processed, total FROM bulk_jobs
                        WHERE id = :id AND status = 'RUNNING' FOR UPDATE""")
                .bind("id", id)
                .map(row -> new Work(id, row.get("site_id", String.class), row.get("kind", String.class),
                        row.get("changes", String.class), row.get("processed", Integer.class), row.get("total", Integer.class)))
                .one();
    }

    /** The next customers of the job, from the position given. */
    Mono<List<UUID>> chunk(UUID id, int from, int size) {
        return db.sql("""
                        SELECT coalesce(array_agg(t ORDER BY n), '{}') AS ids
                        FROM bulk_jobs, unnest(targets) WITH ORDINALITY AS u (t, n)
                        WHERE id = :id AND n > :from AND n <= :until""")
                .bind("id", id).bind("from", from).bind("until", from + size)
                .map(row -> List.of(row.get("ids", UUID[].class))).one();
    }

    Mono<Void> progress(UUID id, ChunkOutcome outcome) {
        String failures = JSON.writeValueAsString(outcome.failures().stream()
                .map(failure -> Map.of("customerId", failure.customerId().toString(), "reason", failure.reason())).toList());
        return db.sql("""
                        UPDATE bulk_jobs SET processed = processed + :processed, changed = changed + :changed,
                            failed = failed + :failed, worker_seen = now(),
                            failures = (SELECT coalesce(jsonb_agg(kept), '[]') FROM (SELECT kept
                                        FROM jsonb_array_elements(failures || CAST(:failures AS jsonb)) AS kept LIMIT :kept) AS k)
                        WHERE id = :id""")
                .bind("id", id).bind("processed", outcome.processed()).bind("changed", outcome.changed())
                .bind("failed", outcome.failures().size()).bind("kept", FAILURES_KEPT).bind("failures", failures)
                .then();
    }

    /** Finishes the job; the customers it worked on are not kept with its record. */
    Mono<Void> finish(UUID id) {
        return db.sql("""
                        UPDATE bulk_jobs SET status = 'FINISHED', finished_at = now(), targets = '{}', worker = NULL
                        WHERE id = :id AND status = 'RUNNING'""")
                .bind("id", id).then();
    }

    /** Takes over the running jobs whose worker has been silent for this long (it stopped): answers their ids. */
    Flux<UUID> takeOverSilent(String worker, Duration silence) {
        return db.sql("""
                        UPDATE bulk_jobs SET worker = :worker, worker_seen = now()
                        WHERE status = 'RUNNING' AND worker_seen < now() - make_interval(secs => :seconds) RETURNING id""")
                .bind("worker", worker).bind("seconds", (double) silence.toSeconds())
                .map(row -> row.get("id", UUID.class)).all();
    }

    private static BulkJob job(Readable row) {
        int total = row.get("total", Integer.class);
        int processed = row.get("processed", Integer.class);
        return new BulkJob(row.get("id", UUID.class), row.get("kind", String.class), row.get("status", String.class),
                total, processed, row.get("changed", Integer.class), row.get("failed", Integer.class),
                total == 0 ? 100 : (int) (100L * processed / total), row.get("requested_by", String.class),
                row.get("reason", String.class), row.get("created_at", Instant.class), row.get("started_at", Instant.class),
                row.get("finished_at", Instant.class), JSON.readValue(row.get("failures", String.class), LIST));
    }

    record Previewed(UUID id, String query, List<UUID> targets, Instant expiresAt) {
    }

    record Work(UUID id, String siteId, String kind, String changes, int processed, int total) {
    }
}
