package io.clientele.access.customer;

import io.clientele.access.request.AccessRequestService;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerCreated;
import io.clientele.events.CustomerDeleted;
import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerMerged;
import io.clientele.events.CustomerUpdated;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = Topics.CUSTOMER_EVENTS)
class CustomerEventsListener {

    private final IdempotentConsumer consumer;
    private final CustomerProjection customers;
    private final AccessRequestService requests;
    private final CustomerErasure erasure;
    private final CustomerMergeFollower merges;

    CustomerEventsListener(IdempotentConsumer consumer, CustomerProjection customers, AccessRequestService requests,
                           CustomerErasure erasure, CustomerMergeFollower merges) {
        this.consumer = consumer;
        this.erasure = erasure;
        this.merges = merges;
        this.customers = customers;
        this.requests = requests;
    }

    @KafkaHandler
    void on(CustomerCreated created) {
        consumer.applyOnceNow("customer-directory", created.getEventId(), () -> customers.created(created));
    }

    @KafkaHandler
    void on(CustomerCaptured capture) {
        consumer.applyOnceNow("access-request", capture.getEventId(),
                () -> customers.captured(capture).then(requests.onCapture(capture)));
    }

    @KafkaHandler
    void on(CustomerUpdated updated) {
        consumer.applyOnceNow("customer-directory", updated.getEventId(), () -> customers.updated(updated));
    }

    @KafkaHandler
    void on(CustomerDeleted deleted) {
        consumer.applyOnceNow("customer-directory", deleted.getEventId(), () -> customers.deleted(deleted));
    }

    @KafkaHandler
    void on(CustomerErased erased) {
        consumer.applyOnceNow("customer-erasure", erased.getEventId(), () -> erasure.erase(erased));
    }

    @KafkaHandler
    void on(CustomerMerged merged) {
        consumer.applyOnceNow("customer-directory", merged.getEventId(), () -> merges.merged(merged));
    }

    /** The other customer events (preferences, ...) say nothing access-service needs. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
