package io.clientele.access.session;

import io.clientele.access.AccessProperties;
import io.clientele.platform.email.EmailAddresses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts failed log-ins per account (the site and the e-mail as typed, whether or not it is a customer's, so that
 * a block says nothing about who exists) and per client address. Past the limit within the window, that account or
 * address is blocked for a window. Counts live in the database, so every instance sees the same.
 */
@Component
class LoginThrottle {

    private final DatabaseClient db;
    private final AccessProperties properties;
    private final Clock clock;

    LoginThrottle(DatabaseClient db, AccessProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the attempt must wait, or empty when it may go ahead. */
    Mono<Duration> blocked(String siteId, String email, String clientAddress) {
        Instant now = clock.instant();
        return db.sql("SELECT max(blocked_until) AS until FROM login_failures WHERE scope IN (:account, :address) AND blocked_until > :now")
                .bind("account", account(siteId, email)).bind("address", address(clientAddress)).bind("now", now)
                .map(row -> Optional.ofNullable(row.get("until", Instant.class)))
                .one()
                .flatMap(until -> Mono.justOrEmpty(until.map(instant -> Duration.between(now, instant))));
    }

    Mono<Void> failed(String siteId, String email, String clientAddress) {
        return Flux.concat(count(account(siteId, email), properties.accountAttempts()),
                count(address(clientAddress), properties.addressAttempts())).then();
    }

    /** A successful log-in clears the account's failures; the address's stay counted. */
    Mono<Void> succeeded(String siteId, String email) {
        return db.sql("DELETE FROM login_failures WHERE scope = :account").bind("account", account(siteId, email)).then();
    }

    private Mono<Void> count(String scope, int limit) {
        Instant now = clock.instant();
        return db.sql("""
                        INSERT INTO login_failures (scope, failures, window_started_at) VALUES (:scope, 1, :now)
                        ON CONFLICT (scope) DO UPDATE SET
                            failures = CASE WHEN login_failures.window_started_at <= :windowStart THEN 1
                                            ELSE login_failures.failures + 1 END,
                            window_started_at = CASE WHEN login_failures.window_started_at <= :windowStart THEN :now
                                                     ELSE login_failures.window_started_at END
                        RETURNING failures""")
                .bind("scope", scope).bind("now", now).bind("windowStart", now.minus(properties.attemptWindow()))
                .map(row -> row.get("failures", Integer.class))
                .one()
                .filter(failures -> failures >= limit)
                .flatMap(failures -> db.sql("UPDATE login_failures SET blocked_until = :until WHERE scope = :scope")
                        .bind("until", now.plus(properties.attemptWindow())).bind("scope", scope).then());
    }

    private static String account(String siteId, String email) {
        return "account:" + siteId + ":" + EmailAddresses.normalize(email);
    }

    private static String address(String clientAddress) {
        return "address:" + clientAddress;
    }
}
