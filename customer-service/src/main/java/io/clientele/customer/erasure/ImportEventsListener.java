package io.clientele.customer.erasure;

import io.clientele.events.CustomerErasureConfirmed;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = Topics.IMPORT_EVENTS)
class ImportEventsListener {

    private final IdempotentConsumer consumer;
    private final Erasures erasures;

    ImportEventsListener(IdempotentConsumer consumer, Erasures erasures) {
        this.consumer = consumer;
        this.erasures = erasures;
    }

    @KafkaHandler
    void on(CustomerErasureConfirmed confirmed) {
        consumer.applyOnceNow("erasure-confirmed", confirmed.getEventId(), () -> erasures.confirmed(confirmed));
    }

    /** Import progress is import-service's to show. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
