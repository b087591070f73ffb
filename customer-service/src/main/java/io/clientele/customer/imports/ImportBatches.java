package io.clientele.customer.imports;

import io.clientele.customer.consent.ConsentLedger;
import io.clientele.customer.customer.CustomerDrafts;
import io.clientele.customer.customer.CustomerEvents;
import io.clientele.customer.customer.CustomerRepository;
import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.customer.StoredCustomer;
import io.clientele.customer.group.GroupService;
import io.clientele.customer.site.Site;
import io.clientele.customer.site.SiteRepository;
import io.clientele.customer.timeline.Timeline;
import io.clientele.events.CustomerPreferencesChanged;
import io.clientele.events.ImportBatchApplied;
import io.clientele.events.ImportBatchRequested;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Applies one batch of an import: the rows are planned against the customers they match, then written with a few
 * statements whatever their number, each customer published, and the rows' outcomes answered on
 * customer.import-results. The caller runs it in the transaction that records the command as applied.
 */
@Service
class ImportBatches {

    private final SiteRepository sites;
    private final ImportMatching matching;
    private final CustomerStore store;
    private final GroupService groups;
    private final ConsentLedger consent;
    private final CustomerRepository customers;
    private final Timeline timeline;
    private final Outbox outbox;

    ImportBatches(SiteRepository sites, ImportMatching matching, CustomerStore store, GroupService groups,
                  ConsentLedger consent, CustomerRepository customers, Timeline timeline, Outbox outbox) {
        this.customers = customers;
        this.sites = sites;
        this.matching = matching;
        this.store = store;
        this.groups = groups;
        this.consent = consent;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    Mono<Void> apply(ImportBatchRequested batch) {
        return sites.find(batch.getSiteId()).map(Site::requireNames).defaultIfEmpty(false)
                .zipWith(matching.existing(batch))
                .flatMap(policyAndExisting -> write(batch,
                        ImportPlan.of(batch, policyAndExisting.getT2(), policyAndExisting.getT1())));
    }

    private Mono<Void> write(ImportBatchRequested batch, ImportPlan plan) {
        String siteId = batch.getSiteId();
        Instant now = Instant.now();
        return store.insertAll(siteId, plan.inserts, "IMPORT", plan.newOptIns, now)
                .then(store.updateAll(siteId, plan.updates))
                .then(groups.join(siteId, plan.memberIds, plan.memberGroups))
                .then(consent.appendAll(siteId, plan.consentIds, plan.consents, "import",
                        new JsonDetails().put("importId", batch.getImportId()).put("source", batch.getSource()).toString(), now))
                .then(customers.setMarketingOptIns(plan.changedOptIns, now))
                .then(timeline.recordAll(siteId, plan.timeline, now))
                .then(published(siteId, plan))
                .then(outbox.add(Topics.IMPORT_RESULTS, "import", batch.getImportId(), ImportBatchApplied.newBuilder()
                        .setEventId(Events.newEventId())
                        .setOccurredAt(now)
                        .setSiteId(siteId)
                        .setImportId(batch.getImportId())
                        .setBatch(batch.getBatch())
                        .setOutcomes(plan.outcomes)
                        .build()));
    }

    /** Each written customer as it now is: created ones as CustomerCreated then CustomerUpdated, like any creation. */
    private Mono<Void> published(String siteId, ImportPlan plan) {
        List<UUID> written = new ArrayList<>(plan.inserts.keySet());
        written.addAll(plan.updates.keySet());
        if (written.isEmpty()) {
            return Mono.empty();
        }
        Set<UUID> consentChanged = new HashSet<>(plan.consentIds);
        return store.findAll(siteId, written).collectMap(StoredCustomer::id)
                .flatMap(customers -> {
                    List<Map.Entry<String, SpecificRecord>> events = new ArrayList<>();
                    for (UUID id : written) {
                        Map<String, Object> customer = customers.get(id).fields();
                        boolean created = plan.inserts.containsKey(id);
                        if (created) {
                            events.add(Map.entry(id.toString(), CustomerEvents.created(siteId, customer)));
                        }
                        List<SpecificRecord> changed = CustomerEvents.changed(siteId, customer,
                                created ? List.copyOf(CustomerDrafts.FIELDS) : plan.changedFields.get(id), null, false);
                        changed.forEach(event -> events.add(Map.entry(id.toString(), event)));
                        boolean preferencesPublished = changed.stream().anyMatch(CustomerPreferencesChanged.class::isInstance);
                        if (consentChanged.contains(id) && !preferencesPublished) {
                            events.add(Map.entry(id.toString(), CustomerEvents.preferencesChanged(siteId, customer)));
                        }
                    }
                    return outbox.addAll(Topics.CUSTOMER_EVENTS, "customer", events);
                });
    }
}
