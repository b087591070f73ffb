package io.clientele.access.customer;

import io.clientele.access.session.SessionRevocations;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerCreated;
import io.clientele.events.CustomerDeleted;
import io.clientele.events.CustomerUpdated;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps the customer directory up to date. A session carries the groups its customer had at log-in, so a customer
 * taken out of a group, or whose account is deactivated, loses the sessions issued before; one added to a group
 * gets the new group at the next log-in. Runs inside the consumer's transaction.
 */
@Service
class CustomerProjection {

    private final CustomerDirectory directory;
    private final SessionRevocations revocations;
    private final Clock clock;

    CustomerProjection(CustomerDirectory directory, SessionRevocations revocations, Clock clock) {
        this.directory = directory;
        this.revocations = revocations;
        this.clock = clock;
    }

    Mono<Void> created(CustomerCreated created) {
        return directory.saveContact(created.getSiteId(), UUID.fromString(created.getCustomerId()), created.getEmail(),
                created.getFirstName(), created.getLastName(), null);
    }

    Mono<Void> captured(CustomerCaptured captured) {
        return directory.saveContact(captured.getSiteId(), UUID.fromString(captured.getCustomerId()), captured.getEmail(),
                captured.getFirstName(), captured.getLastName(), captured.getLocale());
    }

    Mono<Void> updated(CustomerUpdated updated) {
        UUID customerId = UUID.fromString(updated.getCustomerId());
        return directory.find(updated.getSiteId(), customerId)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(before -> before.map(known -> sessionsAfter(known, updated)).orElse(Mono.empty())
                        .then(directory.save(updated, before.orElse(null))));
    }

    /** A deleted customer can no longer log in: sessions end, and the password, open links and requests go. */
    Mono<Void> deleted(CustomerDeleted deleted) {
        UUID customerId = UUID.fromString(deleted.getCustomerId());
        return revocations.revoke(deleted.getSiteId(), customerId, true, clock.instant())
                .then(directory.forget(deleted.getSiteId(), customerId))
                .then();
    }

    private Mono<Void> sessionsAfter(KnownCustomer before, CustomerUpdated after) {
        if (before.accountActive() != after.getAccountActive()) {
            return after.getAccountActive()
                    ? revocations.reactivated(before.siteId(), before.customerId())
                    : revocations.revoke(before.siteId(), before.customerId(), true, clock.instant());
        }
        Set<String> removed = new HashSet<>(before.groups());
        removed.removeAll(after.getGroups());
        return removed.isEmpty() ? Mono.empty() : revocations.revoke(before.siteId(), before.customerId(), false, clock.instant());
    }
}
