package io.clientele.access.session;

import io.clientele.access.AccessProperties;
import io.clientele.platform.email.EmailAddresses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Limits log-in attempts, counted in the database so that every instance sees the same. Three counters, each over
 * one window, and past its limit a block of one window:
 * <ul>
 *   <li>an account (the site and the e-mail as typed, whether or not a customer has it, so that a block says
 *   nothing about who exists) from one client address: guessing one password from one place;</li>
 *   <li>a client address, whatever the accounts: password spraying;</li>
 *   <li>an account from every address together, at a higher limit: guessing spread over many addresses.</li>
 * </ul>
 * Keycloak's brute-force detection locks the account itself after a few failures, which lets any stranger lock
 * a customer out by failing on purpose. Here a stranger's failures block the stranger's own address for that
 * account; only a guess spread over many addresses reaches the account-wide limit, and a password reset (proof of
 * the mailbox) lifts that block.
 * <p>
 * An attempt is counted before its password is checked, in one statement that takes each counter's row lock, so
 * that parallel attempts cannot all slip under a limit: with a limit of 5, at most 5 passwords are checked. A
 * successful log-in gives its attempt back.
 */
@Component
public class LoginThrottle {

    private final DatabaseClient db;
    private final AccessProperties properties;
    private final Clock clock;

    LoginThrottle(DatabaseClient db, AccessProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts the attempt; answers how long it must wait when a counter is blocked or has just gone past its limit,
     * or empty when its password may be checked. An attempt refused by one counter is not counted by the next, so
     * that a stranger who goes on past their own block does not push the account-wide count towards a lock-out.
     */
    Mono<Duration> attempt(String siteId, String email, String clientAddress) {
        Instant now = clock.instant();
        List<String> scopes = scopes(siteId, email, clientAddress);
        List<Integer> limits = List.of(properties.accountAttempts(), properties.addressAttempts(),
                properties.accountAttemptsAllAddresses());
        return blockedUntil(scopes, now)
                .switchIfEmpty(Mono.defer(() -> count(scopes.get(0), limits.get(0), now)))
                .switchIfEmpty(Mono.defer(() -> count(scopes.get(1), limits.get(1), now)))
                .switchIfEmpty(Mono.defer(() -> count(scopes.get(2), limits.get(2), now)))
                .map(until -> Duration.between(now, until));
    }

    private Mono<Instant> blockedUntil(List<String> scopes, Instant now) {
        return db.sql("SELECT max(blocked_until) AS until FROM login_failures WHERE scope IN (:scopes) AND blocked_until > :now")
                .bind("scopes", scopes).bind("now", now)
                .map(row -> Optional.ofNullable(row.get("until", Instant.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    /**
     * Counts one attempt against one counter in a single upsert (its row lock makes parallel attempts take turns),
     * and answers the end of the block when this attempt went past the limit.
     */
    private Mono<Instant> count(String scope, int limit, Instant now) {
        return db.sql("""
                        INSERT INTO login_failures (scope, failures, window_started_at, blocked_until)
                        VALUES (:scope, 1, :now, CASE WHEN 1 > :limit THEN CAST(:blockedUntil AS timestamptz) END)
                        ON CONFLICT (scope) DO UPDATE SET
                            failures = CASE WHEN login_failures.window_started_at <= :windowStart THEN 1
                                            ELSE login_failures.failures + 1 END,
                            window_started_at = CASE WHEN login_failures.window_started_at <= :windowStart THEN :now
                                                     ELSE login_failures.window_started_at END,
                            blocked_until = CASE WHEN (CASE WHEN login_failures.window_started_at <= :windowStart THEN 1
                                                            ELSE login_failures.failures + 1 END) > :limit
                                                 THEN CAST(:blockedUntil AS timestamptz)
                                                 ELSE login_failures.blocked_until END
                        RETURNING blocked_until""")
                .bind("scope", scope).bind("limit", limit).bind("now", now)
                .bind("windowStart", now.minus(properties.attemptWindow()))
                .bind("blockedUntil", now.plus(properties.attemptWindow()))
                .map(row -> Optional.ofNullable(row.get("blocked_until", Instant.class)))
                .one()
                .flatMap(until -> Mono.justOrEmpty(until.filter(instant -> instant.isAfter(now))));
    }

    /** A successful log-in clears the account's counts and gives the address its attempt back. */
    Mono<Void> succeeded(String siteId, String email, String clientAddress) {
        List<String> scopes = scopes(siteId, email, clientAddress);
        return db.sql("DELETE FROM login_failures WHERE scope IN (:accountFromAddress, :account)")
                .bind("accountFromAddress", scopes.get(0)).bind("account", scopes.get(2))
                .then()
                .then(db.sql("UPDATE login_failures SET failures = greatest(failures - 1, 0) WHERE scope = :address")
                        .bind("address", scopes.get(1)).then());
    }

    /** A new password proves the mailbox: the account's blocks are lifted, from every address. */
    public Mono<Void> passwordChanged(String siteId, String email) {
        return db.sql("""
                        DELETE FROM login_failures WHERE scope = :account
                           OR (scope LIKE :fromAddresses AND substring(scope FROM position('|' IN scope) + 1) = :email)""")
                .bind("account", "account:" + siteId + ":" + EmailAddresses.normalize(email))
                .bind("fromAddresses", "account-address:" + siteId + ":%")
                .bind("email", EmailAddresses.normalize(email))
                .then();
    }

    /** Forgets the counters of the accounts whose normalised e-mail has one of these SHA-256 hashes (an erasure). */
    public Mono<Long> forget(String siteId, List<String> emailHashes) {
        return db.sql("""
                        DELETE FROM login_failures
                        WHERE (scope LIKE :accounts AND encode(sha256(convert_to(substring(scope FROM length(:accounts)),
                                   'UTF8')), 'hex') = ANY(:hashes))
                           OR (scope LIKE :fromAddresses AND encode(sha256(convert_to(
                                   substring(scope FROM position('|' IN scope) + 1), 'UTF8')), 'hex') = ANY(:hashes))""")
                .bind("accounts", "account:" + siteId + ":%")
                .bind("fromAddresses", "account-address:" + siteId + ":%")
                .bind("hashes", emailHashes.toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    /**
     * In the order their rows are locked: the same for every attempt, so that parallel attempts cannot deadlock. The
     * e-mail comes last in the pair's scope, after a {@code |} that neither a site id nor an address holds.
     */
    private static List<String> scopes(String siteId, String email, String clientAddress) {
        String normalized = EmailAddresses.normalize(email);
        return List.of("account-address:" + siteId + ":" + clientAddress + "|" + normalized, "address:" + clientAddress,
                "account:" + siteId + ":" + normalized);
    }
}
