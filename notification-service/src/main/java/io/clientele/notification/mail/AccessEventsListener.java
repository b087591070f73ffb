package io.clientele.notification.mail;

import io.clientele.events.AccessRequested;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.platform.json.JsonDetails;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Queues the e-mails that access decisions call for. */
@Component
@KafkaListener(topics = Topics.ACCESS_EVENTS)
class AccessEventsListener {

    private final IdempotentConsumer consumer;
    private final MailQueue queue;

    AccessEventsListener(IdempotentConsumer consumer, MailQueue queue) {
        this.consumer = consumer;
        this.queue = queue;
    }

    @KafkaHandler
    void on(AccessRequested requested) {
        JsonDetails params = new JsonDetails()
                .put("requestId", requested.getRequestId())
                .put("customerId", requested.getCustomerId())
                .put("pageId", requested.getPageId())
                .put("email", requested.getEmail())
                .put("firstName", requested.getFirstName())
                .put("lastName", requested.getLastName());
        consumer.applyOnceNow("access-request-pending", requested.getEventId(), () -> queue.enqueue(requested.getSiteId(),
                        requested.getEventId(), AccessRequestPendingMail.TEMPLATE, OutgoingMail.Audience.SITE_OWNER, params));
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
