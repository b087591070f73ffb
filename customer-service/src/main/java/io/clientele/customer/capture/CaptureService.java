package io.clientele.customer.capture;

import io.clientele.customer.consent.ConsentLedger;
import io.clientele.customer.consent.DoubleOptIn;
import io.clientele.customer.customer.CapturedCustomer;
import io.clientele.customer.customer.CustomerRepository;
import io.clientele.customer.site.Site;
import io.clientele.customer.site.SiteRepository;
import io.clientele.customer.timeline.Timeline;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerCreated;
import io.clientele.events.SignupCaptured;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Turns a sign-up into a customer: finds or creates it by site and normalised e-mail, records the capture on
 * the timeline, and publishes CustomerCaptured (and CustomerCreated for a new customer). A capture never changes
 * what an existing customer has: it fills only empty names and locale. An opt-in asks for its confirmation (double
 * opt-in); only a site that chose single opt-in records it at once, and then only for a customer who never decided.
 * Runs inside the consumer's transaction.
 */
@Service
class CaptureService {

    private final CustomerRepository customers;
    private final SiteRepository sites;
    private final ConsentLedger consent;
    private final DoubleOptIn doubleOptIn;
    private final Timeline timeline;
    private final Outbox outbox;

    CaptureService(CustomerRepository customers, SiteRepository sites, ConsentLedger consent, DoubleOptIn doubleOptIn,
                   Timeline timeline, Outbox outbox) {
        this.customers = customers;
        this.sites = sites;
        this.consent = consent;
        this.doubleOptIn = doubleOptIn;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    Mono<CapturedCustomer> capture(SignupCaptured signup) {
        return customers.findOrCreate(signup.getSiteId(), signup.getEmail(), signup.getFirstName(), signup.getLastName(),
                        signup.getChannel().name(), signup.getLocale())
                .flatMap(customer -> optIn(signup, customer)
                        .flatMap(consentRecorded -> timeline.record(signup.getSiteId(), customer.id(), "CAPTURED",
                                        signup.getChannel().name(), evidence(signup), signup.getOccurredAt())
                                .then(customer.created() ? outbox.add(Topics.CUSTOMER_EVENTS, "customer",
                                        customer.id().toString(), created(signup, customer)) : Mono.empty())
                                .then(outbox.add(Topics.CUSTOMER_EVENTS, "customer", customer.id().toString(),
                                        captured(signup, customer, consentRecorded)))
                                .then(consentRecorded || !needsConfirmation(signup, customer) ? Mono.empty()
                                        : doubleOptIn.request(signup, customer.id(), evidence(signup))))
                        .thenReturn(customer));
    }

    /** Records the opt-in at once where the site chose single opt-in and the customer never decided; answers whether. */
    private Mono<Boolean> optIn(SignupCaptured signup, CapturedCustomer customer) {
        if (!needsConfirmation(signup, customer) || customer.consentDecided()) {
            return Mono.just(false);
        }
        return sites.find(signup.getSiteId())
                .filter(Site::singleOptIn)
                .flatMap(site -> consent.record(signup.getSiteId(), customer.id(), true,
                                DoubleOptIn.source(signup.getChannel().name()), evidence(signup), signup.getOccurredAt())
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }

    /** An opt-in from someone who has not opted in already. */
    private static boolean needsConfirmation(SignupCaptured signup, CapturedCustomer customer) {
        return signup.getOptIn() && !customer.optedIn();
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

    private static CustomerCaptured captured(SignupCaptured signup, CapturedCustomer customer, boolean consentRecorded) {
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
                .setOptIn(consentRecorded)
                .setLocale(signup.getLocale())
                .setNewCustomer(customer.created())
                .setSignupEventId(signup.getEventId())
                .build();
    }
}
