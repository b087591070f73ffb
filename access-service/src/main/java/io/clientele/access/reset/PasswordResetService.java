package io.clientele.access.reset;

import io.clientele.access.AccessProperties;
import io.clientele.access.customer.CustomerDirectory;
import io.clientele.access.customer.KnownCustomer;
import io.clientele.access.link.IssuedLink;
import io.clientele.access.link.LinkPurpose;
import io.clientele.access.link.LinkTokens;
import io.clientele.events.PasswordResetRequested;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.polling.PollingLifecycle;
import io.clientele.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A forgotten password: an active customer with this e-mail gets a single-use link valid for the reset validity
 * (24 hours), voiding earlier reset links. Anybody else gets nothing, and the caller cannot tell the difference:
 * the request only joins a queue (one insert, whoever it names), and a background round answers it. A customer
 * with a reset link sent within the mail interval gets no other: a flood of requests for one address sends one
 * mail, and the link in it stays good.
 */
@Service
class PasswordResetService extends PollingLifecycle {

    private static final int ROUND = 100;

    private final CustomerDirectory customers;
    private final LinkTokens links;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final AccessProperties properties;
    private final Clock clock;

    private final ResetRequests requests;

    PasswordResetService(ResetRequests requests, CustomerDirectory customers, LinkTokens links, Outbox outbox,
                         TransactionalOperator tx, AccessProperties properties, Clock clock) {
        this.requests = requests;
        this.customers = customers;
        this.links = links;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        poll("Password reset requests", Duration.ofMillis(200), properties.resetRound(), this::answerWaiting);
    }

    Mono<Void> requestReset(String siteId, String email) {
        return requests.add(siteId, email, clock.instant());
    }

    /** One round: the waiting requests, taken and answered in one transaction (a failed round leaves them waiting). */
    Mono<Void> answerWaiting() {
        return tx.transactional(requests.take(ROUND).concatMap(request -> answer(request.siteId(), request.email())).then());
    }

    private Mono<Void> answer(String siteId, String email) {
        Instant now = clock.instant();
        return customers.findByEmail(siteId, email)
                .filter(KnownCustomer::accountActive)
                .filterWhen(customer -> links.openSince(customer.customerId(), LinkPurpose.PASSWORD_RESET,
                        now.minus(properties.resetMailInterval())).map(open -> !open))
                .flatMap(customer -> links.issue(siteId, customer.customerId(), LinkPurpose.PASSWORD_RESET, now,
                                properties.resetValidity())
                        .flatMap(link -> outbox.add(Topics.ACCESS_EVENTS, "customer", customer.customerId().toString(),
                                requested(customer, link, now))));
    }

    private static PasswordResetRequested requested(KnownCustomer customer, IssuedLink link, Instant now) {
        return PasswordResetRequested.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setSiteId(customer.siteId())
                .setCustomerId(customer.customerId().toString())
                .setEmail(customer.email())
                .setFirstName(customer.firstName())
                .setLastName(customer.lastName())
                .setLocale(customer.locale())
                .setSealedToken(link.sealedToken())
                .setExpiresAt(link.expiresAt())
                .build();
    }
}
