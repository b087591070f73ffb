package io.clientele.access.link;

import io.clientele.platform.link.LinkSeal;
import io.clientele.platform.link.SecretTokens;
import io.clientele.platform.hash.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Single-use link tokens: 256 random bits, of which only the SHA-256 is stored (a token this random needs no slow
 * hash). A new link voids the customer's earlier open links of the same purpose; a link is good until it is used,
 * voided or expired, whichever comes first.
 */
@Repository
public class LinkTokens {

    private final DatabaseClient db;
    private final LinkSeal seal;

    LinkTokens(DatabaseClient db, LinkSeal seal) {
        this.db = db;
        this.seal = seal;
    }

    public Mono<IssuedLink> issue(String siteId, UUID customerId, LinkPurpose purpose, Instant now, Duration validity) {
        String token = SecretTokens.newToken();
        Instant expiresAt = now.plus(validity);
        return db.sql("""
                        UPDATE link_tokens SET voided_at = :now
                        WHERE customer_id = :customerId AND purpose = :purpose AND used_at IS NULL AND voided_at IS NULL""")
                .bind("now", now).bind("customerId", customerId).bind("purpose", purpose.name())
                .then()
                .then(db.sql("""
                                INSERT INTO link_tokens (token_hash, site_id, customer_id, purpose, issued_at, expires_at)
                                VALUES (:hash, :siteId, :customerId, :purpose, :now, :expiresAt)""")
                        .bind("hash", Sha256.hex(token)).bind("siteId", siteId).bind("customerId", customerId)
                        .bind("purpose", purpose.name()).bind("now", now).bind("expiresAt", expiresAt)
                        .then())
                .thenReturn(new IssuedLink(seal.seal(token), expiresAt));
    }

    /** Whether the customer has an open link of this purpose issued since then. */
    public Mono<Boolean> openSince(UUID customerId, LinkPurpose purpose, Instant since) {
        return db.sql("""
                        SELECT 1 FROM link_tokens WHERE customer_id = :customerId AND purpose = :purpose
                          AND used_at IS NULL AND voided_at IS NULL AND issued_at > :since LIMIT 1""")
                .bind("customerId", customerId).bind("purpose", purpose.name()).bind("since", since)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /** Whom the link belongs to while it is still good, without using it up. */
    public Mono<LinkHolder> holder(String siteId, String token, Instant now) {
        return db.sql("""
                        SELECT customer_id, purpose FROM link_tokens
                        WHERE token_hash = :hash AND site_id = :siteId AND used_at IS NULL AND voided_at IS NULL
                          AND expires_at > :now""")
                .bind("hash", Sha256.hex(token)).bind("siteId", siteId).bind("now", now)
                .map(row -> new LinkHolder(row.get("customer_id", UUID.class), LinkPurpose.valueOf(row.get("purpose", String.class))))
                .one();
    }

    /** Uses the link up; empty when it was not good any more, so that of two concurrent uses only one succeeds. */
    public Mono<LinkHolder> use(String siteId, String token, Instant now) {
        return db.sql("""
                        UPDATE link_tokens SET used_at = :now
                        WHERE token_hash = :hash AND site_id = :siteId AND used_at IS NULL AND voided_at IS NULL
                          AND expires_at > :now
                        RETURNING customer_id, purpose""")
                .bind("hash", Sha256.hex(token)).bind("siteId", siteId).bind("now", now)
                .map(row -> new LinkHolder(row.get("customer_id", UUID.class), LinkPurpose.valueOf(row.get("purpose", String.class))))
                .one();
    }
}
