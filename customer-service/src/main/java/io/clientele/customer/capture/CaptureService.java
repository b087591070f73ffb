package io.clientele.customer.capture;

import io.clientele.customer.consent.ConsentLedger;
import io.clientele.customer.customer.CapturedCustomer;
import io.clientele.customer.customer.CustomerRepository;
import io.clientele.customer.timeline.Timeline;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerCreated;
import io.clientele.events.SignupCaptured;
import io.clientele.events.SignupChannel;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Turns a sign-up into a customer: finds or creates it by site and normalised e-mail, records the capture on
 * the timeline and an opt-in in the consent ledger, and publishes CustomerCaptured (and CustomerCreated for a new
 * customer). Runs inside the consumer's transaction.
 */
@Service
class CaptureService {

    private final CustomerRepository customers;
    private final ConsentLedger consent;
    private final Timeline timeline;
    private final Outbox outbox;

    CaptureService(CustomerRepository customers, ConsentLedger consent, Timeline timeline, Outbox outbox) {
        this.customers = customers;
        this.consent = consent;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    Mono<CapturedCustomer> capture(SignupCaptured signup) {
        return customers.findOrCreate(signup.getSiteId(), signup.getEmail(), signup.getFirstName(), signup.getLastName(),
                        signup.getChannel().name(), signup.getLocale())
                .flatMap(customer -> recordOptIn(signup, customer)
                        .then(timeline.record(signup.getSiteId(), customer.id(), "CAPTURED", signup.getChannel().name(),
                                evidence(signup), signup.getOccurredAt()))
                        .then(customer.created() ? outbox.add(Topics.CUSTOMER_EVENTS, "customer", customer.id().toString(),
                                created(signup, customer)) : Mono.empty())
                        .then(outbox.add(Topics.CUSTOMER_EVENTS, "customer", customer.id().toString(), captured(signup, customer)))
                        .thenReturn(customer));
    }

    private Mono<Void> recordOptIn(SignupCaptured signup, CapturedCustomer customer) {
        if (!signup.getOptIn()) {
            return Mono.empty();
        }
        String source = signup.getChannel() == SignupChannel.NEWSLETTER ? "newsletter" : "signup-form";
        return consent.record(signup.getSiteId(), customer.id(), true, source, evidence(signup), signup.getOccurredAt());
    }

    private static String evidence(SignupCaptured signup) {
        return new JsonDetails()
                .put("signupEventId", signup.getEventId())
                .put("channel", signup.getChannel().name())
                .put("pageId", signup.getPageId())
                .put("clientAddress", signup.getClientAddress())
                .toString();
    }

    private static CustomerCreated created(SignupCaptured signup, CapturedCustomer customer) {
        return CustomerCreated.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(signup.getSiteId())
                .setCustomerId(customer.id().toString())
                .setEmail(signup.getEmail())
                .setFirstName(signup.getFirstName())
                .setLastName(signup.getLastName())
                .setStatus("PENDING")
                .setSourceChannel(signup.getChannel())
                .build();
    }

    private static CustomerCaptured captured(SignupCaptured signup, CapturedCustomer customer) {
        return CustomerCaptured.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(signup.getSiteId())
                .setCustomerId(customer.id().toString())
                .setEmail(signup.getEmail())
                .setFirstName(signup.getFirstName())
                .setLastName(signup.getLastName())
                .setChannel(signup.getChannel())
                .setPageId(signup.getPageId())
                .setOptIn(signup.getOptIn())
                .setLocale(signup.getLocale())
                .setNewCustomer(customer.created())
                .setSignupEventId(signup.getEventId())
                .build();
    }
}
