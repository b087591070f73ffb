package io.clientele.customer.note;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The notes kept about customers, oldest first. */
@Repository
public class Notes {

    private final DatabaseClient db;

    Notes(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Note> of(String siteId, UUID customerId) {
        return db.sql("SELECT * FROM customer_notes WHERE site_id = :siteId AND customer_id = :id ORDER BY id")
                .bind("siteId", siteId).bind("id", customerId)
                .map(row -> new Note(row.get("id", Long.class), row.get("author", String.class),
                        row.get("text", String.class), row.get("created_at", Instant.class)))
                .all();
    }

    Mono<Note> add(String siteId, UUID customerId, String author, String text) {
        return db.sql("""
                        INSERT INTO customer_notes (site_id, customer_id, author, text) VALUES (:siteId, :id, :author, :text)
                        RETURNING *""")
                .bind("siteId", siteId).bind("id", customerId).bind("author", author).bind("text", text)
                .map(row -> new Note(row.get("id", Long.class), row.get("author", String.class),
                        row.get("text", String.class), row.get("created_at", Instant.class)))
                .one();
    }
}
