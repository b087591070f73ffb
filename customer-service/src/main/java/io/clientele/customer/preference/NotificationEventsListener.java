package io.clientele.customer.preference;

import io.clientele.events.EmailOpened;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = Topics.NOTIFICATION_EVENTS)
class NotificationEventsListener {

    private final IdempotentConsumer consumer;
    private final ContentTypeLearning learning;

    NotificationEventsListener(IdempotentConsumer consumer, ContentTypeLearning learning) {
        this.consumer = consumer;
        this.learning = learning;
    }

    @KafkaHandler
    void on(EmailOpened opened) {
        consumer.applyOnceNow("email-opened", opened.getEventId(), () -> learning.opened(opened));
    }

    /** The other notification events (NotificationSent, ...) change nothing here. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
