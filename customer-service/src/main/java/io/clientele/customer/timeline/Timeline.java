package io.clientele.customer.timeline;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A customer's activity timeline. */
@Component
public class Timeline {

    private final DatabaseClient db;

    Timeline(DatabaseClient db) {
        this.db = db;
    }

    /** @param details a JSON object with what else is worth knowing about the entry */
    public Mono<Void> record(String siteId, UUID customerId, String type, String channel, String details, Instant at) {
        return db.sql("""
                        INSERT INTO timeline_entries (site_id, customer_id, type, channel, details, occurred_at)
                        VALUES (:siteId, :customerId, :type, :channel, CAST(:details AS jsonb), :at)""")
                .bind("siteId", siteId).bind("customerId", customerId).bind("type", type)
                .bind("channel", Parameter.fromOrEmpty(channel, String.class))
                .bind("details", details).bind("at", at)
                .then();
    }
}
