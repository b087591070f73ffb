package io.clientele.access.reset;

import java.time.Instant;
import java.util.Comparator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Password reset requests waiting to be answered, oldest first. */
@Repository
class ResetRequests {

    private final DatabaseClient db;

    ResetRequests(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> add(String siteId, String email, Instant now) {
        return db.sql("INSERT INTO password_reset_requests (site_id, email, requested_at) VALUES (:siteId, :email, :now)")
                .bind("siteId", siteId).bind("email", email).bind("now", now).then();
    }

    /** Takes up to {@code limit} waiting requests off the queue; other instances skip the ones taken. */
    Flux<Request> take(int limit) {
        return db.sql("""
                        DELETE FROM password_reset_requests WHERE id IN (
                            SELECT id FROM password_reset_requests ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, site_id, email""")
                .bind("limit", limit)
                .map(row -> new Request(row.get("id", Long.class), row.get("site_id", String.class), row.get("email", String.class)))
                .all()
                .sort(Comparator.comparing(Request::id));
    }

    record Request(long id, String siteId, String email) {
    }
}
