package io.clientele.customer.preference;

import io.clientele.customer.erasure.Erasures;
import io.clientele.customer.timeline.Timeline;
import io.clientele.events.CustomerErasureConfirmed;
import io.clientele.events.EmailOpened;
import io.clientele.events.NotificationSent;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.platform.json.JsonDetails;
import io.clientele.schemas.Topics;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = Topics.NOTIFICATION_EVENTS)
class NotificationEventsListener {

    private final IdempotentConsumer consumer;
    private final ContentTypeLearning learning;
    private final Timeline timeline;
    private final Erasures erasures;

    NotificationEventsListener(IdempotentConsumer consumer, ContentTypeLearning learning, Timeline timeline, Erasures erasures) {
        this.consumer = consumer;
        this.learning = learning;
        this.timeline = timeline;
        this.erasures = erasures;
    }

    /** An e-mail to a customer goes on their timeline; the site owner's mails are not about one customer. */
    @KafkaHandler
    void on(NotificationSent sent) {
        if (sent.getCustomerId() != null) {
            consumer.applyOnceNow("email-sent", sent.getEventId(), () -> timeline.record(sent.getSiteId(),
                    UUID.fromString(sent.getCustomerId()), "EMAIL_SENT", "EMAIL", new JsonDetails()
                            .put("notificationId", sent.getNotificationId()).put("template", sent.getTemplate()).toString(),
                    sent.getOccurredAt()));
        }
    }

    @KafkaHandler
    void on(EmailOpened opened) {
        consumer.applyOnceNow("email-opened", opened.getEventId(), () -> learning.opened(opened));
    }

    @KafkaHandler
    void on(CustomerErasureConfirmed confirmed) {
        consumer.applyOnceNow("erasure-confirmed", confirmed.getEventId(), () -> erasures.confirmed(confirmed));
    }

    /** The other notification events change nothing here. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
