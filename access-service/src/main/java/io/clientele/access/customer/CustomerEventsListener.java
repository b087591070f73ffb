package io.clientele.access.customer;

import io.clientele.access.credential.Registrations;
import io.clientele.access.invitation.CreatedInvitations;
import io.clientele.access.request.AccessRequestService;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerCreated;
import io.clientele.events.CustomerDeleted;
import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerMerged;
import io.clientele.events.CustomerUpdated;
import io.clientele.platform.consumer.BatchEventListener;
import io.clientele.platform.consumer.IdempotentConsumer.Effect;
import io.clientele.platform.consumer.RecordBatches;
import io.clientele.schemas.Topics;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the customer directory and access requests, and follows merges and erasures, from customer.events. */
@Component
class CustomerEventsListener extends BatchEventListener {

    private final CustomerProjection customers;
    private final AccessRequestService requests;
    private final CustomerErasure erasure;
    private final CustomerMergeFollower merges;
    private final Registrations registrations;
    private final CreatedInvitations invitations;

    CustomerEventsListener(RecordBatches batches, CustomerProjection customers, AccessRequestService requests,
                           CustomerErasure erasure, CustomerMergeFollower merges, Registrations registrations,
                           CreatedInvitations invitations) {
        super(Topics.CUSTOMER_EVENTS, batches);
        this.customers = customers;
        this.requests = requests;
        this.erasure = erasure;
        this.merges = merges;
        this.registrations = registrations;
        this.invitations = invitations;
    }

    /** The other customer events (preferences, ...) say nothing access-service needs. */
    @Override
    protected Effect effectOf(Object event) {
        return switch (event) {
            case CustomerCreated created -> new Effect("customer-directory", created.getEventId(),
                    () -> customers.created(created).then(created.getInvite() ? invitations.invited(created) : Mono.empty()));
            case CustomerCaptured capture -> new Effect("access-request", capture.getEventId(),
                    () -> customers.captured(capture).then(requests.onCapture(capture)).then(registrations.onCapture(capture)));
            case CustomerUpdated updated ->
                    new Effect("customer-directory", updated.getEventId(), () -> customers.updated(updated));
            case CustomerDeleted deleted ->
                    new Effect("customer-directory", deleted.getEventId(), () -> customers.deleted(deleted));
            case CustomerErased erased -> new Effect("customer-erasure", erased.getEventId(), () -> erasure.erase(erased));
            case CustomerMerged merged -> new Effect("customer-directory", merged.getEventId(), () -> merges.merged(merged));
            default -> null;
        };
    }
}
