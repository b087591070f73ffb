package io.clientele.notification.customer;

import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerMerged;
import io.clientele.events.CustomerPreferencesChanged;
import io.clientele.events.SignupChannel;
import io.clientele.notification.mail.MailKind;
import io.clientele.notification.mail.MailRequests;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the contact projection, welcomes new newsletter subscribers, follows merges and erases customers on request. */
@Component
@KafkaListener(topics = Topics.CUSTOMER_EVENTS)
class CustomerEventsListener {

    private final IdempotentConsumer consumer;
    private final CustomerContacts contacts;
    private final MailRequests mails;
    private final CustomerErasure erasure;
    private final CustomerMergeFollower merges;

    CustomerEventsListener(IdempotentConsumer consumer, CustomerContacts contacts, MailRequests mails,
                           CustomerErasure erasure, CustomerMergeFollower merges) {
        this.consumer = consumer;
        this.erasure = erasure;
        this.merges = merges;
        this.contacts = contacts;
        this.mails = mails;
    }

    @KafkaHandler
    void on(CustomerCaptured capture) {
        consumer.applyOnceNow("customer-contacts", capture.getEventId(), () -> contacts.apply(capture)
                .then(capture.getChannel() == SignupChannel.NEWSLETTER
                        ? mails.forCustomer(MailKind.NEWSLETTER_WELCOME, capture.getSiteId(), capture.getEventId(),
                                capture.getCustomerId(), capture.getEmail(), capture.getFirstName(), capture.getLastName(),
                                capture.getLocale(), null)
                        : reactor.core.publisher.Mono.empty()));
    }

    @KafkaHandler
    void on(CustomerPreferencesChanged preferences) {
        consumer.applyOnceNow("customer-contacts", preferences.getEventId(), () -> contacts.apply(preferences));
    }

    @KafkaHandler
    void on(CustomerErased erased) {
        consumer.applyOnceNow("customer-erasure", erased.getEventId(), () -> erasure.erase(erased));
    }

    @KafkaHandler
    void on(CustomerMerged merged) {
        consumer.applyOnceNow("customer-contacts", merged.getEventId(), () -> merges.merged(merged));
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
