package io.clientele.notification.delivery;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** The delivery log: what was sent, or is still to be sent, for a site. */
@Repository
class DeliveryLog {

    private final DatabaseClient db;

    DeliveryLog(DatabaseClient db) {
        this.db = db;
    }

    Flux<Delivery> list(String siteId, String status, int limit, int offset) {
        return db.sql("""
                        SELECT * FROM outgoing_mail
                        WHERE site_id = :siteId AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                        ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
                .bind("siteId", siteId)
                .bind("status", Parameter.fromOrEmpty(status, String.class))
                .bind("limit", limit)
                .bind("offset", offset)
                .map(row -> new Delivery(row.get("id", UUID.class), row.get("template", String.class),
                        row.get("recipient", String.class), row.get("subject", String.class), row.get("status", String.class),
                        row.get("attempts", Integer.class), row.get("last_error", String.class),
                        row.get("created_at", Instant.class), row.get("sent_at", Instant.class)))
                .all();
    }
}
