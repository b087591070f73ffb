package io.clientele.imports.erasure;

import io.clientele.events.CustomerErased;
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

    CustomerEventsListener(IdempotentConsumer consumer, CustomerErasure erasure) {
        this.consumer = consumer;
        this.erasure = erasure;
    }

    @KafkaHandler
    void on(CustomerErased erased) {
        consumer.applyOnceNow("customer-erasure", erased.getEventId(), () -> erasure.erase(erased));
    }

    /** Only erasures concern import-service; the customers themselves are customer-service's. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
