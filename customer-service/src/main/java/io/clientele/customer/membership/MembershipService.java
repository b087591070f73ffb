package io.clientele.customer.membership;

import io.clientele.customer.customer.CustomerChanges;
import io.clientele.platform.web.ProblemException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Changes which groups a customer is in and whether their account is active, and tells the other services the
 * customer as it now is (CustomerUpdated) in the same transaction. A change that changes nothing publishes nothing.
 * The caller provides the transaction.
 */
@Service
public class MembershipService {

    private final MembershipRepository memberships;
    private final CustomerChanges changes;

    MembershipService(MembershipRepository memberships, CustomerChanges changes) {
        this.memberships = memberships;
        this.changes = changes;
    }

    public Mono<Membership> addGroups(String siteId, UUID customerId, Set<String> groups) {
        return change(siteId, customerId, "groups", before -> {
            Set<String> added = new HashSet<>(groups);
            before.groups().forEach(added::remove);
            return memberships.addGroups(siteId, customerId, added);
        });
    }

    Mono<Membership> replaceGroups(String siteId, UUID customerId, Set<String> groups) {
        return change(siteId, customerId, "groups", before -> {
            Set<String> removed = new HashSet<>(before.groups());
            removed.removeAll(groups);
            return memberships.removeGroups(customerId, removed).then(memberships.addGroups(siteId, customerId, groups));
        });
    }

    Mono<Membership> setAccountActive(String siteId, UUID customerId, boolean active) {
        return change(siteId, customerId, "accountActive", before -> before.accountActive() == active ? Mono.empty()
                : memberships.setAccountActive(customerId, active));
    }

    private Mono<Membership> change(String siteId, UUID customerId, String field, Function<Membership, Mono<Void>> change) {
        return memberships.lock(siteId, customerId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("customer", customerId.toString())))
                .flatMap(before -> change.apply(before)
                        .then(memberships.lock(siteId, customerId))
                        .flatMap(after -> after.equals(before) ? Mono.just(after)
                                : changes.published(siteId, customerId, List.of(field)).thenReturn(after)));
    }
}
