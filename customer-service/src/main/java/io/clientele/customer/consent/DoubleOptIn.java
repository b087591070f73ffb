package io.clientele.customer.consent;

import io.clientele.customer.customer.CustomerEvents;
import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.timeline.Timeline;
import io.clientele.events.ConsentConfirmationRequested;
import io.clientele.events.ConsentConfirmed;
import io.clientele.events.SignupCaptured;
import io.clientele.events.SignupChannel;
import io.clientele.platform.hash.Sha256;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.link.LinkSeal;
import io.clientele.platform.link.SecretTokens;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Consent from a public form is double opt-in: the capture asks for a confirmation (a link mailed to the address,
 * at most a few a day), and the opt-in is recorded only when the link is followed, with the form, the times and
 * the confirming address as evidence. Nobody can opt a third party's address in by typing it into a form.
 */
@Service
@EnableConfigurationProperties(ConsentProperties.class)
public class DoubleOptIn {

    private final ConsentConfirmations confirmations;
    private final ConsentLedger ledger;
    private final CustomerStore customers;
    private final Timeline timeline;
    private final Outbox outbox;
    private final LinkSeal seal;
    private final ConsentProperties properties;

    DoubleOptIn(ConsentConfirmations confirmations, ConsentLedger ledger, CustomerStore customers, Timeline timeline,
                Outbox outbox, LinkSeal seal, ConsentProperties properties) {
        this.confirmations = confirmations;
        this.ledger = ledger;
        this.customers = customers;
        this.timeline = timeline;
        this.outbox = outbox;
        this.seal = seal;
        this.properties = properties;
    }

    /** In the capture's transaction: a confirmation link for the customer, unless they were mailed enough today. */
    public Mono<Void> request(SignupCaptured signup, UUID customerId, String evidence) {
        Instant now = Instant.now();
        return confirmations.requestedSince(customerId, now.minus(Duration.ofDays(1)))
                .filter(sent -> sent < properties.confirmationMailsPerDay())
                .flatMap(sent -> {
                    String token = SecretTokens.newToken();
                    Instant expiresAt = now.plus(properties.confirmationValidity());
                    return confirmations.add(Sha256.hex(token), signup.getSiteId(), customerId, signup.getChannel().name(),
                                    evidence, now, expiresAt)
                            .then(outbox.add(Topics.CUSTOMER_EVENTS, "customer", customerId.toString(),
                                    requested(signup, customerId, seal.seal(token), now, expiresAt)));
                });
    }

    /**
     * Follows a confirmation link: records the opt-in, puts it on the timeline and publishes the customer's
     * preferences and ConsentConfirmed; answers the customer's id. Empty when the link is unknown, used or expired.
     * Call it in a transaction.
     */
    public Mono<UUID> confirm(String siteId, String token, String clientAddress) {
        Instant now = Instant.now();
        return confirmations.confirm(siteId, Sha256.hex(token), now)
                .flatMap(pending -> customers.lock(siteId, pending.customerId())
                        .then(ledger.record(siteId, pending.customerId(), true, source(pending.channel()),
                                evidence(pending, now, clientAddress), now))
                        .then(timeline.record(siteId, pending.customerId(), "OPTED_IN", pending.channel(),
                                new JsonDetails().put("source", source(pending.channel())).put("confirmed", true).toString(),
                                now))
                        .then(customers.find(siteId, pending.customerId()))
                        .flatMap(customer -> outbox.add(Topics.CUSTOMER_EVENTS, "customer", pending.customerId().toString(),
                                        CustomerEvents.preferencesChanged(siteId, customer.fields()))
                                .then(outbox.add(Topics.CUSTOMER_EVENTS, "customer", pending.customerId().toString(),
                                        confirmed(siteId, pending, customer.fields(), now))))
                        .thenReturn(pending.customerId()));
    }

    public static String source(String channel) {
        return SignupChannel.NEWSLETTER.name().equals(channel) ? "newsletter" : "signup-form";
    }

    private static String evidence(ConsentConfirmations.PendingConfirmation pending, Instant now, String clientAddress) {
        return new JsonDetails()
                .put("form", ConsentEntry.evidence(pending.evidence()))
                .put("requestedAt", pending.requestedAt().toString())
                .put("confirmedAt", now.toString())
                .put("confirmedFrom", clientAddress)
                .put("confirmation", "link mailed to the address")
                .toString();
    }

    private static ConsentConfirmationRequested requested(SignupCaptured signup, UUID customerId, String sealedToken,
                                                          Instant now, Instant expiresAt) {
        return ConsentConfirmationRequested.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setSiteId(signup.getSiteId())
                .setCustomerId(customerId.toString())
                .setEmail(signup.getEmail())
                .setFirstName(signup.getFirstName())
                .setLastName(signup.getLastName())
                .setLocale(signup.getLocale())
                .setChannel(signup.getChannel())
                .setSealedToken(sealedToken)
                .setExpiresAt(expiresAt)
                .build();
    }

    private static ConsentConfirmed confirmed(String siteId, ConsentConfirmations.PendingConfirmation pending,
                                              Map<String, Object> customer, Instant now) {
        return ConsentConfirmed.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setSiteId(siteId)
                .setCustomerId(pending.customerId().toString())
                .setEmail((String) customer.get("email"))
                .setFirstName((String) customer.get("firstName"))
                .setLastName((String) customer.get("lastName"))
                .setLocale((String) customer.get("locale"))
                .setChannel(SignupChannel.valueOf(pending.channel()))
                .build();
    }
}
