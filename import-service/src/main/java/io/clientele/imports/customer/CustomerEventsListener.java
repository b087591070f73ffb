package io.clientele.imports.customer;

import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerMerged;
import io.clientele.platform.consumer.BatchEventListener;
import io.clientele.platform.consumer.IdempotentConsumer.Effect;
import io.clientele.platform.consumer.RecordBatches;
import io.clientele.schemas.Topics;
import org.springframework.stereotype.Component;

/** Follows customers' erasures and merges from customer.events. */
@Component
class CustomerEventsListener extends BatchEventListener {

    private final CustomerErasure erasure;
    private final CustomerMergeFollower merges;

    CustomerEventsListener(RecordBatches batches, CustomerErasure erasure, CustomerMergeFollower merges) {
        super(Topics.CUSTOMER_EVENTS, batches);
        this.erasure = erasure;
        this.merges = merges;
    }

    /** Only erasures and merges concern import-service; the customers themselves are customer-service's. */
    @Override
    protected Effect effectOf(Object event) {
        return switch (event) {
            case CustomerErased erased -> new Effect("customer-erasure", erased.getEventId(), () -> erasure.erase(erased));
            case CustomerMerged merged -> new Effect("customer-merge", merged.getEventId(), () -> merges.merged(merged));
            default -> null;
        };
    }
}
