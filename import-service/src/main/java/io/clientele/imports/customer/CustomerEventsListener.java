package io.clientele.imports.customer;

import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerMerged;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = Topics.CUSTOMER_EVENTS)
class CustomerEventsListener {

    private final IdempotentConsumer consumer;
    private final CustomerErasure erasure;
    private final CustomerMergeFollower merges;

    CustomerEventsListener(IdempotentConsumer consumer, CustomerErasure erasure, CustomerMergeFollower merges) {
        this.consumer = consumer;
        this.erasure = erasure;
        this.merges = merges;
    }

    @KafkaHandler
    void on(CustomerErased erased) {
        consumer.applyOnceNow("customer-erasure", erased.getEventId(), () -> erasure.erase(erased));
    }

    @KafkaHandler
    void on(CustomerMerged merged) {
        consumer.applyOnceNow("customer-merge", merged.getEventId(), () -> merges.merged(merged));
    }

    /** Only erasures and merges concern import-service; the customers themselves are customer-service's. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
