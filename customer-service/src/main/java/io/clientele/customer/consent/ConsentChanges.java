package io.clientele.customer.consent;

import io.clientele.customer.customer.CustomerEvents;
import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.timeline.Timeline;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import io.clientele.platform.web.ProblemException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records a change of a customer's e-mail marketing consent: appended to the ledger, shown on the customer
 * (marketingOptIn, consentUpdatedAt), put on the timeline and published (CustomerPreferencesChanged), in one
 * transaction.
 */
@Service
public class ConsentChanges {

    private final ConsentLedger ledger;
    private final CustomerStore customers;
    private final Timeline timeline;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    ConsentChanges(ConsentLedger ledger, CustomerStore customers, Timeline timeline, Outbox outbox,
                   TransactionalOperator tx) {
        this.ledger = ledger;
        this.customers = customers;
        this.timeline = timeline;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Where a consent may come from. */
    public static final Set<String> SOURCES = Set.of("manual", "signup-form", "newsletter", "import");

    /**
     * A consent recorded by a collaborator, its evidence kept as given with who recorded it; a 400 names what is
     * missing or wrong in the request.
     */
    public Mono<Map<String, Object>> byHand(String siteId, UUID customerId, Boolean optedIn, String source,
                                            Map<String, Object> evidence, String recordedBy) {
        return Mono.fromCallable(() -> checkedSource("", optedIn, source)).flatMap(from -> {
            Map<String, Object> kept = new LinkedHashMap<>(evidence == null ? Map.of() : evidence);
            kept.put("recordedBy", recordedBy);
            return record(siteId, customerId, optedIn, from, ConsentEntry.json(kept));
        });
    }

    /**
     * The consent's source ("manual" when absent), or a 400 naming what is wrong.
     *
     * @param prefix the place of the consent in the request ("" when it is the request)
     */
    public static String checkedSource(String prefix, Boolean optedIn, String source) {
        String at = prefix.isEmpty() ? "" : prefix + ".";
        if (optedIn == null) {
            throw ProblemException.invalidField(at + "optedIn", "is required (true or false)");
        }
        String from = source == null ? "manual" : source;
        if (!SOURCES.contains(from)) {
            throw ProblemException.invalidField(at + "source", "must be one of " + new java.util.TreeSet<>(SOURCES));
        }
        return from;
    }

    /** The customer's fields after the change; a 404 problem when there is no such customer. */
    Mono<Map<String, Object>> record(String siteId, UUID customerId, boolean optedIn, String source, String evidence) {
        Instant now = Instant.now();
        return tx.transactional(customers.lock(siteId, customerId)
                .flatMap(customer -> ledger.record(siteId, customerId, optedIn, source, evidence, now)
                        .then(timeline.record(siteId, customerId, optedIn ? "OPTED_IN" : "OPTED_OUT", null,
                                new JsonDetails().put("source", source).toString(), now))
                        .then(customers.find(siteId, customerId))
                        .flatMap(updated -> outbox.add(Topics.CUSTOMER_EVENTS, "customer", customerId.toString(),
                                        CustomerEvents.preferencesChanged(siteId, updated.fields()))
                                .thenReturn(updated.fields()))));
    }
}
