package io.clientele.access.session;

import io.clientele.access.AccessProperties;
import io.clientele.platform.hash.Sha256;
import io.clientele.platform.link.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Refresh tokens, stored hashed: each renews a session once and is replaced by the next of its family (one family
 * per log-in). A token used again means it was copied: its family ends. Log-out, a password change and a
 * deactivation end every family of the customer (see SessionRevocations).
 */
@Repository
class RefreshTokens {

    /** A refresh token just used: whose it was, its family, and when its log-in was. */
    record Used(String siteId, UUID customerId, UUID familyId, Instant issuedAt) {
    }

    /** A refresh token as an app keeps it. */
    record Issued(String token, Instant expiresAt) {
    }

    private final DatabaseClient db;
    private final AccessProperties properties;
    private final Clock clock;

    RefreshTokens(DatabaseClient db, AccessProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Issued> issue(String siteId, UUID customerId, UUID familyId) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.refreshValidity());
        // The customer's expired tokens go as a new one comes: the table holds what may still be used, and a little.
        return db.sql("DELETE FROM refresh_tokens WHERE customer_id = :customerId AND expires_at < :now")
                .bind("customerId", customerId).bind("now", now).then()
                .then(db.sql("""
                        INSERT INTO refresh_tokens (token_hash, family_id, site_id, customer_id, issued_at, expires_at)
                        VALUES (:hash, :family, :siteId, :customerId, :now, :expiresAt)""")
                .bind("hash", Sha256.hex(token)).bind("family", familyId).bind("siteId", siteId)
                .bind("customerId", customerId).bind("now", now).bind("expiresAt", expiresAt)
                .then())
                .thenReturn(new Issued(token, expiresAt));
    }

    /** Uses the token once; empty when it is unknown, of another site, used, expired or ended. */
    Mono<Used> use(String siteId, String token) {
        String hash = Sha256.hex(token);
        Instant now = clock.instant();
        return db.sql("""
                        UPDATE refresh_tokens SET used_at = :now
                        WHERE token_hash = :hash AND site_id = :siteId AND used_at IS NULL AND revoked_at IS NULL
                          AND expires_at > :now
                        RETURNING site_id, customer_id, family_id, issued_at""")
                .bind("now", now).bind("hash", hash).bind("siteId", siteId)
                .map(row -> new Used(row.get("site_id", String.class), row.get("customer_id", UUID.class),
                        row.get("family_id", UUID.class), row.get("issued_at", Instant.class)))
                .one();
    }

    /**
     * A token that was already used ends its family: whoever holds a copy of it is not to be told apart from its
     * owner. Called outside the renewal's transaction, so that the ending stays when the renewal is refused.
     */
    Mono<Void> endFamilyIfUsed(String token) {
        String hash = Sha256.hex(token);
        Instant now = clock.instant();
        return db.sql("""
                        UPDATE refresh_tokens SET revoked_at = :now
                        WHERE revoked_at IS NULL
                          AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash AND used_at IS NOT NULL)""")
                .bind("now", now).bind("hash", hash).then();
    }

    /** Ends every refresh token of the customer issued before {@code at}. */
    Mono<Void> endAll(UUID customerId, Instant at) {
        return db.sql("""
                        UPDATE refresh_tokens SET revoked_at = :at
                        WHERE customer_id = :customerId AND revoked_at IS NULL AND issued_at <= :at""")
                .bind("at", at).bind("customerId", customerId).then();
    }
}
