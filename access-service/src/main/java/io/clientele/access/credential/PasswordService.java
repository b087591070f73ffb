package io.clientele.access.credential;

import io.clientele.access.customer.CustomerDirectory;
import io.clientele.access.customer.KnownCustomer;
import io.clientele.access.link.LinkTokens;
import io.clientele.access.session.LoginThrottle;
import io.clientele.access.session.SessionRevocations;
import io.clientele.events.CustomerEmailVerified;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sets a password through an invitation or reset link. The link is used up only once the password meets the
 * policy; setting it proves the customer reads the e-mail (CustomerEmailVerified, the first time) and ends every
 * session issued before.
 */
@Service
class PasswordService {

    private final LinkTokens links;
    private final CustomerDirectory customers;
    private final Credentials credentials;
    private final PasswordHasher hasher;
    private final SessionRevocations revocations;
    private final LoginThrottle throttle;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    PasswordService(LinkTokens links, CustomerDirectory customers, Credentials credentials, PasswordHasher hasher,
                    SessionRevocations revocations, LoginThrottle throttle, Outbox outbox, TransactionalOperator tx,
                    Clock clock) {
        this.links = links;
        this.customers = customers;
        this.credentials = credentials;
        this.hasher = hasher;
        this.revocations = revocations;
        this.throttle = throttle;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<Void> setPassword(String siteId, String token, String password) {
        Instant now = clock.instant();
        return links.holder(siteId, token, now)
                .flatMap(holder -> customers.find(siteId, holder.customerId()))
                .switchIfEmpty(Mono.error(PasswordService::linkNotValid))
                .flatMap(customer -> {
                    PasswordPolicy.check(password, customer.email());
                    return hasher.hash(password).flatMap(hash -> tx.transactional(links.use(siteId, token, now)
                                    .switchIfEmpty(Mono.error(PasswordService::linkNotValid))
                                    .then(applied(customer, hash, now)))
                            .then(Mono.fromRunnable(() -> revocations.appliedHere(customer.customerId(), now))));
                });
    }

    /**
     * In the caller's transaction: the customer's password is now this hash, their earlier sessions end, and the
     * first password tells that the customer reads the address (CustomerEmailVerified).
     */
    Mono<Void> applied(KnownCustomer customer, String hash, Instant now) {
        return credentials.setPassword(customer.siteId(), customer.customerId(), hash, now)
                .flatMap(firstPassword -> revocations.revoke(customer.siteId(), customer.customerId(), false, now)
                        .then(throttle.passwordChanged(customer.siteId(), customer.email()))
                        .then(firstPassword ? outbox.add(Topics.ACCESS_EVENTS, "customer",
                                customer.customerId().toString(), verified(customer, now)) : Mono.empty()));
    }

    /** One answer for a link that never was, was used, was replaced or expired: the holder can only ask for a new one. */
    static ProblemException linkNotValid() {
        return ProblemException.linkNotValid(
                "This link is not valid any more: it was used, replaced by a newer one, or it expired. Ask for a new one.");
    }

    private static CustomerEmailVerified verified(KnownCustomer customer, Instant now) {
        return CustomerEmailVerified.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setSiteId(customer.siteId())
                .setCustomerId(customer.customerId().toString())
                .setEmail(customer.email())
                .build();
    }
}
