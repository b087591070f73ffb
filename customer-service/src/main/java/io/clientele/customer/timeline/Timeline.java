package io.clientele.customer.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes a customer's activity timeline. */
@Component
public class Timeline {

    private final DatabaseClient db;

    Timeline(DatabaseClient db) {
        this.db = db;
    }

    /** @param details a JSON object with what else is worth knowing about the entry */
    public Mono<Void> record(String siteId, UUID customerId, String type, String channel, String details, Instant at) {
        return recordAll(siteId, List.of(new Entry(customerId, type, channel, details)), at);
    }

    /**
     * Records many entries, of one site and at one time, with one statement. An entry of a customer who is no longer
     * there (an e-mail reported sent after the customer was deleted) is left out.
     */
    public Mono<Void> recordAll(String siteId, List<Entry> entries, Instant at) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        INSERT INTO timeline_entries (site_id, customer_id, type, channel, details, occurred_at)
                        SELECT :siteId, c, t, ch, CAST(d AS jsonb), :at
                        FROM unnest(CAST(:customers AS uuid[]), CAST(:types AS text[]), CAST(:channels AS text[]),
                            CAST(:details AS text[])) AS x (c, t, ch, d)
                        WHERE EXISTS (SELECT 1 FROM customers WHERE id = x.c AND site_id = :siteId)""")
                .bind("siteId", siteId)
                .bind("customers", entries.stream().map(Entry::customerId).toArray(UUID[]::new))
                .bind("types", entries.stream().map(Entry::type).toArray(String[]::new))
                .bind("channels", entries.stream().map(Entry::channel).toArray(String[]::new))
                .bind("details", entries.stream().map(Entry::details).toArray(String[]::new))
                .bind("at", at)
                .then();
    }

    /** Records one entry and answers it with its id. */
    public Mono<Long> recordOne(String siteId, UUID customerId, String type, String channel, String details, Instant at) {
        return db.sql("""
                        INSERT INTO timeline_entries (site_id, customer_id, type, channel, details, occurred_at)
                        VALUES (:siteId, :customerId, :type, :channel, CAST(:details AS jsonb), :at) RETURNING id""")
                .bind("siteId", siteId).bind("customerId", customerId).bind("type", type).bind("channel", channel)
                .bind("details", details).bind("at", at)
                .map(row -> row.get("id", Long.class)).one();
    }

    /** @param details a JSON object with what else is worth knowing about the entry */
    public record Entry(UUID customerId, String type, String channel, String details) {
    }
}
