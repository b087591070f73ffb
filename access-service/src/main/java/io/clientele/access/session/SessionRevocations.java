package io.clientele.access.session;

import io.clientele.access.AccessProperties;
import io.clientele.access.replica.PolledReplica;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The customers whose earlier sessions are ended (password reset, account deactivated, taken out of a group), held
 * in memory on every instance so that checking a session needs no database round trip. A revocation older than the
 * longest session can no longer match a valid token (and an inactive account gets no new one) and is forgotten.
 */
@Component
public class SessionRevocations extends PolledReplica<UUID, SessionRevocations.Revocation> {

    /** Sessions issued before {@code notBefore} are over; {@code accountInactive} when that is why. */
    public record Revocation(Instant notBefore, boolean accountInactive) {
    }

    private final DatabaseClient db;
    private final RefreshTokens refreshTokens;
    private final AccessProperties properties;
    private final Clock clock;

    SessionRevocations(DatabaseClient db, RefreshTokens refreshTokens, AccessProperties properties, Clock clock) {
        super("session-revocations", properties.replicaRefresh());
        this.db = db;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** Why the session is over, or empty while it is not. */
    public Revocation ending(Session session) {
        Revocation revocation = get(session.customerId());
        return revocation != null && session.issuedAt().isBefore(revocation.notBefore()) ? revocation : null;
    }

    /**
     * Ends the customer's sessions issued before {@code at}, and their apps' refresh tokens. Applies here once the
     * caller's transaction commits.
     */
    public Mono<Void> revoke(String siteId, UUID customerId, boolean accountInactive, Instant at) {
        return refreshTokens.endAll(customerId, at).then(db.sql("""
                        INSERT INTO session_revocations (customer_id, site_id, not_before, account_inactive)
                        VALUES (:id, :siteId, :at, :inactive)
                        ON CONFLICT (customer_id) DO UPDATE SET
                            not_before = GREATEST(session_revocations.not_before, excluded.not_before),
                            account_inactive = excluded.account_inactive, changed_at = clock_timestamp()""")
                .bind("id", customerId).bind("siteId", siteId).bind("at", at).bind("inactive", accountInactive)
                .then());
    }

    /** The account is active again; its sessions from before stay over. */
    public Mono<Void> reactivated(String siteId, UUID customerId) {
        return db.sql("""
                        UPDATE session_revocations SET account_inactive = false, changed_at = clock_timestamp()
                        WHERE customer_id = :id""")
                .bind("id", customerId).then();
    }

    /** Applies a revocation this instance has just committed, before the next refresh would. */
    public void appliedHere(UUID customerId, Instant at) {
        Revocation known = get(customerId);
        if (known == null || known.notBefore().isBefore(at)) {
            apply(customerId, new Revocation(at, known != null && known.accountInactive()));
        }
    }

    @Override
    protected Flux<Change<UUID, Revocation>> changedSince(Instant since) {
        return db.sql("""
                        SELECT customer_id, not_before, account_inactive, changed_at FROM session_revocations
                        WHERE changed_at > :since AND not_before > :oldest""")
                .bind("since", since).bind("oldest", oldestThatMatters())
                .map(row -> new Change<>(row.get("customer_id", UUID.class),
                        new Revocation(row.get("not_before", Instant.class), Boolean.TRUE.equals(row.get("account_inactive", Boolean.class))),
                        row.get("changed_at", Instant.class)))
                .all();
    }

    @Override
    protected void afterRefresh() {
        Instant oldest = oldestThatMatters();
        evictIf((customerId, revocation) -> revocation.notBefore().isBefore(oldest));
    }

    private Instant oldestThatMatters() {
        return clock.instant().minus(properties.sessionValidity());
    }
}
