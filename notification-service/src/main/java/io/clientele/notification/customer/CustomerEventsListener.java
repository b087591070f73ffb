package io.clientele.notification.customer;

import io.clientele.events.ConsentConfirmationRequested;
import io.clientele.events.ConsentConfirmed;
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
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.link.LinkSeal;
import io.clientele.schemas.Topics;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the contact projection, mails the double opt-in's confirmation link, welcomes newsletter subscribers once
 * their consent is recorded, follows merges and erases customers on request.
 */
@Component
class CustomerEventsListener extends BatchEventListener {

    private final CustomerContacts contacts;
    private final MailRequests mails;
    private final CustomerErasure erasure;
    private final CustomerMergeFollower merges;
    private final LinkSeal seal;

    CustomerEventsListener(RecordBatches batches, CustomerContacts contacts, MailRequests mails,
                           CustomerErasure erasure, CustomerMergeFollower merges, LinkSeal seal) {
        super(Topics.CUSTOMER_EVENTS, batches);
        this.contacts = contacts;
        this.mails = mails;
        this.erasure = erasure;
        this.merges = merges;
        this.seal = seal;
    }

    /** The other customer events (updates, deletions) say nothing notification-service needs. */
    @Override
    protected Effect effectOf(Object event) {
        return switch (event) {
            case CustomerCaptured capture ->
                    new Effect("customer-contacts", capture.getEventId(), () -> contacts.apply(capture).then(welcome(capture)));
            case ConsentConfirmationRequested request ->
                    new Effect("customer-mail", request.getEventId(), () -> confirmation(request));
            case ConsentConfirmed confirmed -> new Effect("customer-mail", confirmed.getEventId(), () -> welcome(confirmed));
            case CustomerPreferencesChanged preferences ->
                    new Effect("customer-contacts", preferences.getEventId(), () -> contacts.apply(preferences));
            case CustomerErased erased -> new Effect("customer-erasure", erased.getEventId(), () -> erasure.erase(erased));
            case CustomerMerged merged -> new Effect("customer-contacts", merged.getEventId(), () -> merges.merged(merged));
            default -> null;
        };
    }

    /** A capture welcomes a newsletter subscriber only where it recorded their consent (a site's single opt-in). */
    private Mono<Void> welcome(CustomerCaptured capture) {
        return capture.getChannel() != SignupChannel.NEWSLETTER || !capture.getOptIn() ? Mono.empty()
                : mails.forCustomer(MailKind.NEWSLETTER_WELCOME, capture.getSiteId(), capture.getEventId(),
                        capture.getCustomerId(), capture.getEmail(), capture.getFirstName(), capture.getLastName(),
                        capture.getLocale(), null);
    }

    private Mono<Void> welcome(ConsentConfirmed confirmed) {
        return confirmed.getChannel() != SignupChannel.NEWSLETTER ? Mono.empty()
                : mails.forCustomer(MailKind.NEWSLETTER_WELCOME, confirmed.getSiteId(), confirmed.getEventId(),
                        confirmed.getCustomerId(), confirmed.getEmail(), confirmed.getFirstName(), confirmed.getLastName(),
                        confirmed.getLocale(), null);
    }

    private Mono<Void> confirmation(ConsentConfirmationRequested request) {
        JsonDetails values = new JsonDetails()
                .put("token", seal.open(request.getSealedToken()))
                .put("expiresAt", request.getExpiresAt().toString());
        return mails.forCustomer(MailKind.CONSENT_CONFIRMATION, request.getSiteId(), request.getEventId(),
                request.getCustomerId(), request.getEmail(), request.getFirstName(), request.getLastName(),
                request.getLocale(), values);
    }
}
