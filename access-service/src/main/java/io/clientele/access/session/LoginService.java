package io.clientele.access.session;

import io.clientele.access.credential.Credentials;
import io.clientele.access.credential.PasswordHasher;
import io.clientele.access.customer.CustomerDirectory;
import io.clientele.access.customer.KnownCustomer;
import io.clientele.events.CustomerLoggedIn;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Logs a customer in: a session token carrying their groups, and CustomerLoggedIn for the timeline. An unknown
 * e-mail, a customer without a password and a wrong password get the same answer after the same work (a password
 * hash is checked in every case). Every attempt is counted by the throttle before its password is checked.
 */
@Service
class LoginService {

    private final CustomerDirectory customers;
    private final Credentials credentials;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionTokens tokens;
    private final RefreshTokens refreshTokens;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;

    LoginService(CustomerDirectory customers, Credentials credentials, PasswordHasher hasher, LoginThrottle throttle,
                 SessionTokens tokens, RefreshTokens refreshTokens, Outbox outbox, TransactionalOperator tx, Clock clock,
                 MeterRegistry meters) {
        this.meters = meters;
        this.customers = customers;
        this.credentials = credentials;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<IssuedSession> logIn(LoginAttempt attempt) {
        return throttle.attempt(attempt.siteId(), attempt.email(), attempt.clientAddress())
                .flatMap(wait -> Mono.<KnownCustomer>error(tooManyAttempts(wait)))
                .switchIfEmpty(Mono.defer(() -> customers.findByEmail(attempt.siteId(), attempt.email())))
                .flatMap(customer -> credentials.passwordHash(customer.customerId())
                        .map(hash -> new Account(Optional.of(customer), hash)))
                .defaultIfEmpty(new Account(Optional.empty(), null))
                .flatMap(account -> hasher.matches(attempt.password(), account.passwordHash())
                        .flatMap(matches -> matches ? Mono.just(account.customer().orElseThrow())
                                : Mono.error(LoginService::invalidCredentials)))
                .flatMap(customer -> customer.accountActive() ? issue(customer, attempt)
                        : Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "account-inactive", "Account inactive",
                                "This account is deactivated. Ask the site's owner.")))
                .doOnSuccess(session -> counted("logged-in"))
                .doOnError(ProblemException.class, refused -> counted(slugOf(refused)));
    }

    /** {@code clientele.logins} by outcome: logged-in, invalid-credentials, too-many-attempts (a block), account-inactive. */
    private void counted(String outcome) {
        meters.counter("clientele.logins", "outcome", outcome).increment();
    }

    private static String slugOf(ProblemException refused) {
        String type = String.valueOf(refused.getBody().getType());
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private Mono<IssuedSession> issue(KnownCustomer customer, LoginAttempt attempt) {
        IssuedSession session = tokens.issue(customer);
        return tx.transactional(throttle.succeeded(attempt.siteId(), attempt.email(), attempt.clientAddress())
                        .then(outbox.add(Topics.ACCESS_EVENTS, "customer", customer.customerId().toString(),
                                loggedIn(customer, attempt)))
                        .then(refreshTokens.issue(customer.siteId(), customer.customerId(), UUID.randomUUID())))
                .map(session::withRefresh);
    }

    private CustomerLoggedIn loggedIn(KnownCustomer customer, LoginAttempt attempt) {
        return CustomerLoggedIn.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setSiteId(customer.siteId())
                .setCustomerId(customer.customerId().toString())
                .setPlatform(attempt.platform())
                .setCountry(attempt.country())
                .build();
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                "The e-mail address or the password is not right.");
    }

    private static ProblemException tooManyAttempts(Duration wait) {
        ProblemException problem = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                "Too many attempts", "Too many failed log-ins. Try again later.");
        problem.getHeaders().set("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        return problem;
    }

    /** The customer with this e-mail, if any, and their password hash, if they have one. */
    private record Account(Optional<KnownCustomer> customer, String passwordHash) {
    }
}
