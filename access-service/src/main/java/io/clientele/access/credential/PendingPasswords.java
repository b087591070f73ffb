package io.clientele.access.credential;

import io.clientele.platform.email.EmailAddresses;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Passwords chosen at an app's registration, hashed, waiting for their address to be verified. */
@Repository
class PendingPasswords {

    private final DatabaseClient db;

    PendingPasswords(DatabaseClient db) {
        this.db = db;
    }

    /** Keeps the registration's password; the site's registrations that expired unverified go as a new one comes. */
    Mono<Void> save(String siteId, String email, String hash, Instant now, Instant expiresAt) {
        return db.sql("DELETE FROM pending_passwords WHERE site_id = :siteId AND expires_at < :now")
                .bind("siteId", siteId).bind("now", now).then()
                .then(db.sql("""
                        INSERT INTO pending_passwords (site_id, email, password_hash, registered_at, expires_at)
                        VALUES (:siteId, :email, :hash, :now, :expiresAt)
                        ON CONFLICT (site_id, email) DO UPDATE SET password_hash = excluded.password_hash,
                            registered_at = excluded.registered_at, expires_at = excluded.expires_at""")
                .bind("siteId", siteId).bind("email", EmailAddresses.normalize(email)).bind("hash", hash)
                .bind("now", now).bind("expiresAt", expiresAt)
                .then());
    }

    /** Whether a registration for the address waits, not expired. */
    Mono<Boolean> waiting(String siteId, String email, Instant now) {
        return db.sql("SELECT 1 FROM pending_passwords WHERE site_id = :siteId AND email = :email AND expires_at > :now")
                .bind("siteId", siteId).bind("email", EmailAddresses.normalize(email)).bind("now", now)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /** Takes the waiting password's hash out; empty when none waits or it expired. */
    Mono<String> take(String siteId, String email, Instant now) {
        return db.sql("""
                        DELETE FROM pending_passwords WHERE site_id = :siteId AND email = :email
                        RETURNING password_hash, expires_at""")
                .bind("siteId", siteId).bind("email", EmailAddresses.normalize(email))
                .map(row -> row.get("expires_at", Instant.class).isAfter(now) ? row.get("password_hash", String.class) : "")
                .one()
                .filter(hash -> !hash.isEmpty());
    }
}
