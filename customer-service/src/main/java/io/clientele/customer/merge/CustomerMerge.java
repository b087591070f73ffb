package io.clientele.customer.merge;

import io.clientele.customer.customer.CustomerDraft;
import io.clientele.customer.customer.CustomerDrafts;
import io.clientele.customer.customer.CustomerEvents;
import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.customer.CustomerValidation;
import io.clientele.customer.customer.StoredCustomer;
import io.clientele.customer.site.SiteRepository;
import io.clientele.customer.timeline.Timeline;
import io.clientele.events.CustomerMerged;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.sql.Statements;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Merges customer B into customer A in one transaction: A keeps its id and gets the record survivorship decides;
 * B's notes, groups, consent history and timeline become A's (A's consent is the later of the two); B is gone.
 * Published: CustomerUpdated and CustomerPreferencesChanged of A, and CustomerMerged, for the other services to
 * re-point what they keep under B.
 */
@Service
class CustomerMerge {

    private static final List<String> MOVED = List.of(
            "UPDATE customer_notes SET customer_id = :survivor WHERE customer_id = :merged",
            "UPDATE consent_ledger SET customer_id = :survivor WHERE customer_id = :merged",
            "UPDATE timeline_entries SET customer_id = :survivor WHERE customer_id = :merged",
            """
            INSERT INTO customer_groups (customer_id, site_id, group_name)
            SELECT :survivor, site_id, group_name FROM customer_groups WHERE customer_id = :merged ON CONFLICT DO NOTHING""",
            """
            UPDATE customers s SET marketing_opt_in = m.marketing_opt_in, consent_updated_at = m.consent_updated_at
            FROM customers m WHERE s.id = :survivor AND m.id = :merged
              AND m.consent_updated_at > coalesce(s.consent_updated_at, '-infinity')""",
            "DELETE FROM customers WHERE id = :merged");

    private final CustomerStore customers;
    private final SiteRepository sites;
    private final Timeline timeline;
    private final Outbox outbox;
    private final DatabaseClient db;
    private final TransactionalOperator tx;

    CustomerMerge(CustomerStore customers, SiteRepository sites, Timeline timeline, Outbox outbox, DatabaseClient db,
                  TransactionalOperator tx) {
        this.customers = customers;
        this.sites = sites;
        this.timeline = timeline;
        this.outbox = outbox;
        this.db = db;
        this.tx = tx;
    }

    Mono<StoredCustomer> merge(String siteId, UUID survivorId, UUID mergedId, List<String> fieldsFromMerged) {
        if (mergedId == null || mergedId.equals(survivorId)) {
            return Mono.error(ProblemException.invalidField("mergedCustomerId", "name another customer of the site"));
        }
        // Locked in id order, so that two merges of the same pair wait for each other instead of deadlocking.
        List<UUID> order = survivorId.compareTo(mergedId) < 0 ? List.of(survivorId, mergedId) : List.of(mergedId, survivorId);
        return sites.find(siteId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("site", siteId)))
                .flatMap(site -> tx.transactional(Flux.fromIterable(order).concatMap(id -> customers.lock(siteId, id))
                        .collectMap(StoredCustomer::id)
                        .flatMap(locked -> {
                            CustomerDraft survivor = CustomerDrafts.stored(locked.get(survivorId).fields());
                            CustomerDraft merged = CustomerDrafts.stored(locked.get(mergedId).fields());
                            CustomerDraft result = CustomerValidation.validated(
                                    Survivorship.merged(survivor, merged, fieldsFromMerged == null ? List.of() : fieldsFromMerged),
                                    site.requireNames());
                            List<String> changed = new ArrayList<>(CustomerDrafts.changedFields(survivor, result));
                            return moved(survivorId, mergedId)
                                    .then(customers.updateAll(siteId, Map.of(survivorId, result)))
                                    .then(customers.find(siteId, survivorId))
                                    .flatMap(after -> published(siteId, after, mergedId, changed).thenReturn(after));
                        })));
    }

    private Mono<Void> moved(UUID survivorId, UUID mergedId) {
        return Statements.run(db, MOVED, Map.of("survivor", survivorId, "merged", mergedId)).then();
    }

    private Mono<Void> published(String siteId, StoredCustomer survivor, UUID mergedId, List<String> changed) {
        String survivorId = survivor.fields().get("id").toString();
        List<String> fields = new ArrayList<>(changed);
        fields.addAll(List.of("notes", "groups", "marketingOptIn"));
        Instant now = Instant.now();
        return outbox.add(Topics.CUSTOMER_EVENTS, "customer", survivorId,
                        CustomerEvents.updated(siteId, survivor.fields(), fields, null, false))
                .then(outbox.add(Topics.CUSTOMER_EVENTS, "customer", survivorId,
                        CustomerEvents.preferencesChanged(siteId, survivor.fields())))
                .then(outbox.add(Topics.CUSTOMER_EVENTS, "customer", mergedId.toString(), CustomerMerged.newBuilder()
                        .setEventId(Events.newEventId()).setOccurredAt(now).setSiteId(siteId)
                        .setCustomerId(survivorId).setMergedCustomerId(mergedId.toString()).build()))
                .then(timeline.record(siteId, UUID.fromString(survivorId), "MERGED", null, new JsonDetails()
                        .put("mergedCustomerId", mergedId.toString()).put("fieldsFromMerged", String.join(",", changed))
                        .toString(), now));
    }
}
