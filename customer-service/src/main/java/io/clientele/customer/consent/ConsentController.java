package io.clientele.customer.consent;

import io.clientele.customer.customer.CustomerEvents;
import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.timeline.Timeline;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A customer's e-mail marketing consent: an opt-in or opt-out is appended to the ledger, shown on the customer
 * (marketingOptIn, consentUpdatedAt), put on the timeline and published (CustomerPreferencesChanged).
 */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/customers/{customerId}/consent")
class ConsentController {

    static final Set<String> SOURCES = Set.of("manual", "signup-form", "newsletter", "import");

    private final ConsentLedger ledger;
    private final CustomerStore customers;
    private final Timeline timeline;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    ConsentController(ConsentLedger ledger, CustomerStore customers, Timeline timeline, Outbox outbox,
                      TransactionalOperator tx) {
        this.ledger = ledger;
        this.customers = customers;
        this.timeline = timeline;
        this.outbox = outbox;
        this.tx = tx;
    }

    @GetMapping
    Flux<ConsentEntry> history(@PathVariable String siteId, @PathVariable UUID customerId) {
        return customers.existing(siteId, customerId)
                .thenMany(ledger.history(siteId, customerId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, Object>> record(@PathVariable String siteId, @PathVariable UUID customerId,
                                     @RequestBody ConsentChange change) {
        if (change.optedIn() == null) {
            return Mono.error(ProblemException.invalidField("optedIn", "is required (true or false)"));
        }
        String source = change.source() == null ? "manual" : change.source();
        if (!SOURCES.contains(source)) {
            return Mono.error(ProblemException.invalidField("source", "must be one of " + new java.util.TreeSet<>(SOURCES)));
        }
        Instant now = Instant.now();
        return tx.transactional(customers.lock(siteId, customerId)
                .flatMap(customer -> ledger.record(siteId, customerId, change.optedIn(), source,
                                ConsentEntry.json(change.evidence()), now)
                        .then(timeline.record(siteId, customerId, change.optedIn() ? "OPTED_IN" : "OPTED_OUT", null,
                                new JsonDetails().put("source", source).toString(), now))
                        .then(customers.find(siteId, customerId))
                        .flatMap(updated -> outbox.add(Topics.CUSTOMER_EVENTS, "customer", customerId.toString(),
                                        CustomerEvents.preferencesChanged(siteId, updated.fields()))
                                .thenReturn(updated.fields()))));
    }

    /** @param evidence how the consent was given (a form's address, a document, a ticket), kept as given */
    record ConsentChange(Boolean optedIn, String source, Map<String, Object> evidence) {
    }
}
