package io.clientele.access.customer;

import io.clientele.access.request.AccessRequestService;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerCreated;
import io.clientele.events.CustomerDeleted;
import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerMerged;
import io.clientele.events.CustomerUpdated;
import io.clientele.platform.consumer.IdempotentConsumer.Effect;
import io.clientele.platform.consumer.RecordBatches;
import io.clientele.schemas.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A bulk change brings one event per customer: they are applied a poll's worth at a time. */
@Component
class CustomerEventsListener {

    private final RecordBatches batches;
    private final CustomerProjection customers;
    private final AccessRequestService requests;
    private final CustomerErasure erasure;
    private final CustomerMergeFollower merges;

    CustomerEventsListener(RecordBatches batches, CustomerProjection customers, AccessRequestService requests,
                           CustomerErasure erasure, CustomerMergeFollower merges) {
        this.batches = batches;
        this.customers = customers;
        this.requests = requests;
        this.erasure = erasure;
        this.merges = merges;
    }

    @KafkaListener(topics = Topics.CUSTOMER_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        batches.applyOnce(records, this::effectOf);
    }

    /** The other customer events (preferences, ...) say nothing access-service needs. */
    private Effect effectOf(Object event) {
        return switch (event) {
            case CustomerCreated created ->
                    new Effect("customer-directory", created.getEventId(), () -> customers.created(created));
            case CustomerCaptured capture -> new Effect("access-request", capture.getEventId(),
                    () -> customers.captured(capture).then(requests.onCapture(capture)));
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
