package io.clientele.customer.access;

import io.clientele.customer.erasure.Erasures;
import io.clientele.events.AccessApproved;
import io.clientele.events.AccessRejected;
import io.clientele.events.AccessRequested;
import io.clientele.events.CustomerEmailVerified;
import io.clientele.events.CustomerErasureConfirmed;
import io.clientele.events.CustomerLoggedIn;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = Topics.ACCESS_EVENTS)
class AccessEventsListener {

    private final IdempotentConsumer consumer;
    private final AccessActivity activity;
    private final Erasures erasures;

    AccessEventsListener(IdempotentConsumer consumer, AccessActivity activity, Erasures erasures) {
        this.consumer = consumer;
        this.activity = activity;
        this.erasures = erasures;
    }

    @KafkaHandler
    void on(AccessRequested requested) {
        consumer.applyOnceNow("access-activity", requested.getEventId(), () -> activity.requested(requested));
    }

    @KafkaHandler
    void on(AccessApproved approved) {
        consumer.applyOnceNow("access-activity", approved.getEventId(), () -> activity.approved(approved));
    }

    @KafkaHandler
    void on(AccessRejected rejected) {
        consumer.applyOnceNow("access-activity", rejected.getEventId(), () -> activity.rejected(rejected));
    }

    @KafkaHandler
    void on(CustomerLoggedIn loggedIn) {
        consumer.applyOnceNow("access-activity", loggedIn.getEventId(), () -> activity.loggedIn(loggedIn));
    }

    @KafkaHandler
    void on(CustomerEmailVerified verified) {
        consumer.applyOnceNow("access-activity", verified.getEventId(), () -> activity.emailVerified(verified));
    }

    @KafkaHandler
    void on(CustomerErasureConfirmed confirmed) {
        consumer.applyOnceNow("erasure-confirmed", confirmed.getEventId(), () -> erasures.confirmed(confirmed));
    }

    /** Invitations and password resets are not the customer's doing; their e-mails reach the timeline when sent. */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
