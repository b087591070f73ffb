package io.clientele.customer.consent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Opt-ins of public forms waiting for their confirmation link, kept under the SHA-256 of the link's token. */
@Repository
public class ConsentConfirmations {

    private final DatabaseClient db;

    ConsentConfirmations(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> add(String tokenHash, String siteId, UUID customerId, String channel, String evidence, Instant requestedAt,
                   Instant expiresAt) {
        return db.sql("""
                        INSERT INTO consent_confirmations (token_hash, site_id, customer_id, channel, evidence, requested_at,
                                                           expires_at)
                        VALUES (:hash, :siteId, :customerId, :channel, CAST(:evidence AS jsonb), :requestedAt, :expiresAt)""")
                .bind("hash", tokenHash).bind("siteId", siteId).bind("customerId", customerId).bind("channel", channel)
                .bind("evidence", evidence).bind("requestedAt", requestedAt).bind("expiresAt", expiresAt)
                .then();
    }

    /** How many confirmation links the customer was sent since then: each one is a mail to their address. */
    Mono<Long> requestedSince(UUID customerId, Instant since) {
        return db.sql("SELECT count(*) AS n FROM consent_confirmations WHERE customer_id = :customerId AND requested_at > :since")
                .bind("customerId", customerId).bind("since", since)
                .map(row -> row.get("n", Long.class)).one();
    }

    /** Marks the confirmation followed, once: answers it while it is still open and unexpired, else empty. */
    Mono<PendingConfirmation> confirm(String siteId, String tokenHash, Instant now) {
        return db.sql("""
                        UPDATE consent_confirmations SET confirmed_at = :now
                        WHERE token_hash = :hash AND site_id = :siteId AND confirmed_at IS NULL AND expires_at > :now
                        RETURNING customer_id, channel, CAST(evidence AS text) AS evidence, requested_at""")
                .bind("now", now).bind("hash", tokenHash).bind("siteId", siteId)
                .map(row -> new PendingConfirmation(row.get("customer_id", UUID.class), row.get("channel", String.class),
                        row.get("evidence", String.class), row.get("requested_at", Instant.class)))
                .one();
    }

    /** The customer's confirmation requests, newest first, as the personal data report shows them. */
    public Flux<Map<String, Object>> of(String siteId, UUID customerId) {
        return db.sql("""
                        SELECT channel, CAST(evidence AS text) AS evidence, requested_at, expires_at, confirmed_at
                        FROM consent_confirmations WHERE site_id = :siteId AND customer_id = :customerId
                        ORDER BY requested_at DESC""")
                .bind("siteId", siteId).bind("customerId", customerId)
                .map(row -> {
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put("channel", row.get("channel", String.class));
                    request.put("evidence", ConsentEntry.evidence(row.get("evidence", String.class)));
                    request.put("requestedAt", row.get("requested_at", Instant.class));
                    request.put("expiresAt", row.get("expires_at", Instant.class));
                    request.put("confirmedAt", row.get("confirmed_at", Instant.class));
                    return request;
                })
                .all();
    }

    record PendingConfirmation(UUID customerId, String channel, String evidence, Instant requestedAt) {
    }
}
