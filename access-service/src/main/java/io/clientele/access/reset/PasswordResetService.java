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
import io.clientele.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A forgotten password: an active customer with this e-mail gets a single-use link valid for the reset validity
 * (24 hours), voiding earlier reset links. Anybody else gets nothing, and the caller cannot tell the difference.
 */
@Service
class PasswordResetService {

    private final CustomerDirectory customers;
    private final LinkTokens links;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final AccessProperties properties;
    private final Clock clock;

    PasswordResetService(CustomerDirectory customers, LinkTokens links, Outbox outbox, TransactionalOperator tx,
                         AccessProperties properties, Clock clock) {
        this.customers = customers;
        this.links = links;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Void> requestReset(String siteId, String email) {
        Instant now = clock.instant();
        return tx.transactional(customers.findByEmail(siteId, email)
                .filter(KnownCustomer::accountActive)
                .flatMap(customer -> links.issue(siteId, customer.customerId(), LinkPurpose.PASSWORD_RESET, now,
                                properties.resetValidity())
                        .flatMap(link -> outbox.add(Topics.ACCESS_EVENTS, "customer", customer.customerId().toString(),
                                requested(customer, link, now)))));
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
                .setToken(link.token())
                .setExpiresAt(link.expiresAt())
                .build();
    }
}
