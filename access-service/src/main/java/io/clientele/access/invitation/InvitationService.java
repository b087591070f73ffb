package io.clientele.access.invitation;

import io.clientele.access.AccessProperties;
import io.clientele.access.customer.CustomerDirectory;
import io.clientele.access.customer.KnownCustomer;
import io.clientele.access.link.IssuedLink;
import io.clientele.access.link.LinkPurpose;
import io.clientele.access.link.LinkTokens;
import io.clientele.events.InvitationIssued;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Invites a customer to set a password: a new single-use link, valid for the invitation validity (7 days), that
 * voids any earlier invitation; notification-service e-mails it (InvitationIssued). The caller provides the
 * transaction.
 */
@Service
public class InvitationService {

    private final CustomerDirectory customers;
    private final LinkTokens links;
    private final Outbox outbox;
    private final AccessProperties properties;
    private final Clock clock;

    InvitationService(CustomerDirectory customers, LinkTokens links, Outbox outbox, AccessProperties properties, Clock clock) {
        this.customers = customers;
        this.links = links;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<IssuedLink> invite(String siteId, UUID customerId) {
        return customers.find(siteId, customerId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("customer", customerId.toString())))
                .flatMap(customer -> {
                    if (!customer.accountActive()) {
                        return Mono.error(new ProblemException(HttpStatus.CONFLICT, "account-inactive", "Account inactive",
                                "The customer's account is deactivated; activate it before inviting them."));
                    }
                    if (customer.email() == null) {
                        return Mono.error(new ProblemException(HttpStatus.CONFLICT, "no-email", "No e-mail address",
                                "The customer has no e-mail address to send the invitation to."));
                    }
                    Instant now = clock.instant();
                    return links.issue(siteId, customerId, LinkPurpose.INVITATION, now, properties.invitationValidity())
                            .flatMap(link -> outbox.add(Topics.ACCESS_EVENTS, "customer", customerId.toString(),
                                    issued(customer, link, now)).thenReturn(link));
                });
    }

    private static InvitationIssued issued(KnownCustomer customer, IssuedLink link, Instant now) {
        return InvitationIssued.newBuilder()
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
