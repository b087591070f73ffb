package io.clientele.customer.membership;

import io.clientele.platform.group.GroupNames;
import io.clientele.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class MembershipController {

    private final MembershipService memberships;
    private final TransactionalOperator tx;

    MembershipController(MembershipService memberships, TransactionalOperator tx) {
        this.memberships = memberships;
        this.tx = tx;
    }

    /** Puts the customer in exactly these groups. */
    @PutMapping("/api/v1/sites/{siteId}/customers/{customerId}/groups")
    Mono<Membership> setGroups(@PathVariable String siteId, @PathVariable UUID customerId, @RequestBody GroupsChange change) {
        return Mono.fromCallable(() -> GroupNames.checked("groups", change.groups()))
                .flatMap(groups -> tx.transactional(memberships.replaceGroups(siteId, customerId, groups)));
    }

    @PutMapping("/api/v1/sites/{siteId}/customers/{customerId}/account")
    Mono<Membership> setAccount(@PathVariable String siteId, @PathVariable UUID customerId, @RequestBody AccountChange change) {
        return Mono.justOrEmpty(change.active())
                .switchIfEmpty(Mono.error(() -> ProblemException.invalidField("active", "is required")))
                .flatMap(active -> tx.transactional(memberships.setAccountActive(siteId, customerId, active)));
    }

    record GroupsChange(List<String> groups) {
    }

    record AccountChange(Boolean active) {
    }
}
