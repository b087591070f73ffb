package io.clientele.access.request;

import io.clientele.events.CustomerCaptured;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = Topics.CUSTOMER_EVENTS)
class CustomerEventsListener {

    private final IdempotentConsumer consumer;
    private final AccessRequestService requests;

    CustomerEventsListener(IdempotentConsumer consumer, AccessRequestService requests) {
        this.consumer = consumer;
        this.requests = requests;
    }

    @KafkaHandler
    void on(CustomerCaptured capture) {
        consumer.applyOnceNow("access-request", capture.getEventId(), () -> requests.onCapture(capture));
    }

    /** The other customer events say nothing access-service needs yet. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
