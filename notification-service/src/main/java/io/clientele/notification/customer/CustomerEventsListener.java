package io.clientele.notification.customer;

import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerMerged;
import io.clientele.events.CustomerPreferencesChanged;
import io.clientele.events.SignupChannel;
import io.clientele.notification.mail.MailKind;
import io.clientele.notification.mail.MailRequests;
import io.clientele.platform.consumer.BatchEventListener;
import io.clientele.platform.consumer.IdempotentConsumer.Effect;
import io.clientele.platform.consumer.RecordBatches;
import io.clientele.schemas.Topics;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the contact projection, welcomes new newsletter subscribers, follows merges and erases customers on request. */
@Component
class CustomerEventsListener extends BatchEventListener {

    private final CustomerContacts contacts;
    private final MailRequests mails;
    private final CustomerErasure erasure;
    private final CustomerMergeFollower merges;

    CustomerEventsListener(RecordBatches batches, CustomerContacts contacts, MailRequests mails,
                           CustomerErasure erasure, CustomerMergeFollower merges) {
        super(Topics.CUSTOMER_EVENTS, batches);
        this.contacts = contacts;
        this.mails = mails;
        this.erasure = erasure;
        this.merges = merges;
    }

    /** The other customer events (updates, deletions) say nothing notification-service needs. */
    @Override
    protected Effect effectOf(Object event) {
        return switch (event) {
            case CustomerCaptured capture ->
                    new Effect("customer-contacts", capture.getEventId(), () -> contacts.apply(capture).then(welcome(capture)));
            case CustomerPreferencesChanged preferences ->
                    new Effect("customer-contacts", preferences.getEventId(), () -> contacts.apply(preferences));
            case CustomerErased erased -> new Effect("customer-erasure", erased.getEventId(), () -> erasure.erase(erased));
            case CustomerMerged merged -> new Effect("customer-contacts", merged.getEventId(), () -> merges.merged(merged));
            default -> null;
        };
    }

    private Mono<Void> welcome(CustomerCaptured capture) {
        return capture.getChannel() != SignupChannel.NEWSLETTER ? Mono.empty()
                : mails.forCustomer(MailKind.NEWSLETTER_WELCOME, capture.getSiteId(), capture.getEventId(),
                        capture.getCustomerId(), capture.getEmail(), capture.getFirstName(), capture.getLastName(),
                        capture.getLocale(), null);
    }
}
