package io.clientele.notification.delivery;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The delivery log: what was sent, or is still to be sent, for a site. */
@Repository
class DeliveryLog {

    private final DatabaseClient db;

    DeliveryLog(DatabaseClient db) {
        this.db = db;
    }

    Flux<Delivery> list(String siteId, DeliveryFilter filter) {
        return db.sql("""
                        SELECT * FROM outgoing_mail
                        WHERE site_id = :siteId
                          AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                          AND (CAST(:template AS VARCHAR) IS NULL OR template = :template)
                          AND (CAST(:recipient AS VARCHAR) IS NULL OR lower(recipient) = lower(:recipient))
                          AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR created_at >= :from)
                          AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR created_at < :to)
                        ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
                .bind("siteId", siteId)
                .bind("status", Parameter.fromOrEmpty(filter.status(), String.class))
                .bind("template", Parameter.fromOrEmpty(filter.template(), String.class))
                .bind("recipient", Parameter.fromOrEmpty(filter.recipient(), String.class))
                .bind("from", Parameter.fromOrEmpty(filter.from(), Instant.class))
                .bind("to", Parameter.fromOrEmpty(filter.to(), Instant.class))
                .bind("limit", filter.limit())
                .bind("offset", filter.offset())
                .map(row -> new Delivery(row.get("id", UUID.class), row.get("template", String.class),
                        row.get("channel", String.class), row.get("recipient", String.class), row.get("subject", String.class),
                        row.get("status", String.class), row.get("content_type", String.class), row.get("locale", String.class),
                        row.get("attempts", Integer.class), row.get("last_error", String.class),
                        row.get("created_at", Instant.class), row.get("sent_at", Instant.class),
                        row.get("opened_at", Instant.class)))
                .all();
    }

    /** Puts a FAILED mail back in the queue; answers its status before, or empty when there is no such mail. */
    Mono<String> requeueFailed(String siteId, UUID id) {
        return db.sql("""
                        UPDATE outgoing_mail SET status = 'QUEUED', attempts = 0, next_attempt_at = now(), last_error = NULL
                        WHERE id = :id AND site_id = :siteId AND status = 'FAILED'""")
                .bind("id", id).bind("siteId", siteId)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated > 0 ? Mono.just("FAILED") : db.sql(
                                "SELECT status FROM outgoing_mail WHERE id = :id AND site_id = :siteId")
                        .bind("id", id).bind("siteId", siteId).map(row -> row.get("status", String.class)).one());
    }
}
