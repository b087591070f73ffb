package io.clientele.access.credential;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Customers' password hashes. */
@Repository
public class Credentials {

    private final DatabaseClient db;

    Credentials(DatabaseClient db) {
        this.db = db;
    }

    /** The customer's password hash, or empty when they have not set a password. */
    public Mono<String> passwordHash(UUID customerId) {
        return db.sql("SELECT password_hash FROM credentials WHERE customer_id = :id")
                .bind("id", customerId).map(row -> row.get("password_hash", String.class)).one();
    }

    /** Sets the password and marks the e-mail verified; answers true when it was not verified before. */
    Mono<Boolean> setPassword(String siteId, UUID customerId, String hash, Instant at) {
        return db.sql("""
                        INSERT INTO credentials (customer_id, site_id, password_hash, password_set_at, email_verified_at)
                        VALUES (:id, :siteId, :hash, :at, :at)
                        ON CONFLICT (customer_id) DO UPDATE SET password_hash = excluded.password_hash,
                                                                password_set_at = excluded.password_set_at
                        RETURNING (xmax = 0) AS first""")
                .bind("id", customerId).bind("siteId", siteId).bind("hash", hash).bind("at", at)
                .map(row -> Boolean.TRUE.equals(row.get("first", Boolean.class)))
                .one();
    }
}
