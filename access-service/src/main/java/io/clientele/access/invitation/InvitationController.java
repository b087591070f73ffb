package io.clientele.access.invitation;

import io.clientele.access.customer.CustomerArrival;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class InvitationController {

    private final InvitationService invitations;
    private final CustomerArrival arrival;
    private final TransactionalOperator tx;

    InvitationController(InvitationService invitations, CustomerArrival arrival, TransactionalOperator tx) {
        this.invitations = invitations;
        this.arrival = arrival;
        this.tx = tx;
    }

    /** Works right after the owner created the customer: access-service waits for a customer still on its way. */
    @PostMapping("/api/v1/sites/{siteId}/customers/{customerId}/invitations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Invitation> invite(@PathVariable String siteId, @PathVariable UUID customerId,
                            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        return arrival.known(siteId, customerId, authorization)
                .then(tx.transactional(invitations.invite(siteId, customerId)))
                .map(link -> new Invitation(customerId, link.expiresAt()));
    }

    /** An invitation on its way; its link is only in the e-mail. */
    record Invitation(UUID customerId, Instant expiresAt) {
    }
}
