package io.clientele.customer.consent;

import io.clientele.customer.customer.CustomerRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** E-mail marketing consent: every opt-in or opt-out is appended with its source and evidence, never changed. */
@Component
public class ConsentLedger {

    private final DatabaseClient db;
    private final CustomerRepository customers;

    ConsentLedger(DatabaseClient db, CustomerRepository customers) {
        this.db = db;
        this.customers = customers;
    }

    /**
     * @param source   where the consent was given: manual, signup-form, newsletter, import, or through a marketing
     *                 mail's links: unsubscribe, preferences
     * @param evidence a JSON object saying how it was given (event id, client address, page)
     */
    public Mono<Void> record(String siteId, UUID customerId, boolean optedIn, String source, String evidence, Instant at) {
        return appendAll(siteId, List.of(customerId), List.of(optedIn), source, evidence, at)
                .then(customers.setMarketingOptIn(customerId, optedIn, at));
    }

    /** Appends one entry per customer, with one statement; the customers' own consent is the caller's to set. */
    public Mono<Void> appendAll(String siteId, List<UUID> customerIds, List<Boolean> optedIn, String source,
                                String evidence, Instant at) {
        if (customerIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        INSERT INTO consent_ledger (site_id, customer_id, opted_in, source, evidence, recorded_at)
                        SELECT :siteId, c, o, :source, CAST(:evidence AS jsonb), :at
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:optedIn AS boolean[])) AS x (c, o)""")
                .bind("siteId", siteId).bind("ids", customerIds.toArray(UUID[]::new))
                .bind("optedIn", optedIn.toArray(Boolean[]::new))
                .bind("source", source).bind("evidence", evidence).bind("at", at)
                .then();
    }

    /** The customer's consent history, newest first. */
    public Flux<ConsentEntry> history(String siteId, UUID customerId) {
        return db.sql("""
                        SELECT opted_in, source, CAST(evidence AS text) AS evidence, recorded_at FROM consent_ledger
                        WHERE site_id = :siteId AND customer_id = :customerId ORDER BY id DESC""")
                .bind("siteId", siteId).bind("customerId", customerId)
                .map(row -> new ConsentEntry(Boolean.TRUE.equals(row.get("opted_in", Boolean.class)),
                        row.get("source", String.class), ConsentEntry.evidence(row.get("evidence", String.class)),
                        row.get("recorded_at", Instant.class)))
                .all();
    }
}
