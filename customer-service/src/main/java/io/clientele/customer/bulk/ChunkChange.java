package io.clientele.customer.bulk;

import io.clientele.customer.customer.CustomerDraft;
import io.clientele.customer.customer.CustomerDrafts;
import io.clientele.customer.customer.CustomerEvents;
import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.customer.CustomerValidation;
import io.clientele.customer.customer.StoredCustomer;
import io.clientele.customer.group.GroupService;
import io.clientele.customer.site.SiteRepository;
import io.clientele.customer.timeline.Timeline;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a bulk change to a chunk of customers with a few statements for the whole chunk: the changed records,
 * the group memberships, a CustomerUpdated and an UPDATED timeline entry for each customer it changed. A customer
 * the change would make invalid (a name the site requires emptied) is left as it is and reported. The caller
 * provides the transaction.
 */
@Component
class ChunkChange {

    private final CustomerStore customers;
    private final GroupService groups;
    private final SiteRepository sites;
    private final Timeline timeline;
    private final Outbox outbox;

    ChunkChange(CustomerStore customers, GroupService groups, SiteRepository sites, Timeline timeline, Outbox outbox) {
        this.customers = customers;
        this.groups = groups;
        this.sites = sites;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    Mono<ChunkOutcome> apply(UUID jobId, String siteId, BulkChange change, List<UUID> ids) {
        return sites.find(siteId).zipWith(customers.lockAll(siteId, ids).collectList()).flatMap(found -> {
            boolean requireNames = found.getT1().requireNames();
            Map<UUID, CustomerDraft> writes = new LinkedHashMap<>();
            Map<UUID, List<String>> groupNames = new LinkedHashMap<>();
            Map<UUID, List<String>> changedFields = new LinkedHashMap<>();
            List<UUID> valid = new ArrayList<>();
            List<ChunkOutcome.Failure> failures = new ArrayList<>();
            for (StoredCustomer customer : found.getT2()) {
                UUID id = customer.id();
                CustomerDraft before = CustomerDrafts.stored(customer.fields());
                try {
                    CustomerDraft after = CustomerValidation.validated(change.applyTo(before), requireNames);
                    valid.add(id);
                    List<String> changed = new ArrayList<>(CustomerDrafts.changedFields(before, after));
                    List<String> groupsBefore = groupsOf(customer);
                    List<String> groupsAfter = change.applyToGroups(groupsBefore);
                    if (!groupsAfter.equals(groupsBefore)) {
                        changed.add("groups");
                    }
                    if (!changed.isEmpty()) {
                        writes.put(id, after);
                        groupNames.put(id, groupsAfter);
                        changedFields.put(id, changed);
                    }
                } catch (ProblemException refused) {
                    failures.add(new ChunkOutcome.Failure(id, refused.getBody().getDetail()));
                }
            }
            Mono<Void> written = change.changesGroups()
                    ? customers.writingGroupNames()
                    .thenMany(change.addGroups().isEmpty() ? Flux.empty() : groups.addToAll(siteId, change.addGroups(), valid))
                    .thenMany(change.removeGroups().isEmpty() ? Flux.empty() : groups.removeFromAll(siteId, change.removeGroups(), valid))
                    .then(customers.updateAll(siteId, writes, groupNames))
                    : customers.updateAll(siteId, writes);
            return written.then(published(jobId, siteId, changedFields))
                    .thenReturn(new ChunkOutcome(ids.size(), changedFields.size(), failures));
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> groupsOf(StoredCustomer customer) {
        Object groups = customer.fields().get("groups");
        return groups == null ? List.of() : List.copyOf((List<String>) groups);
    }

    private Mono<Void> published(UUID jobId, String siteId, Map<UUID, List<String>> changedFields) {
        if (changedFields.isEmpty()) {
            return Mono.empty();
        }
        Instant now = Instant.now();
        return customers.findAll(siteId, changedFields.keySet()).collectList().flatMap(changed -> {
            List<Map.Entry<String, SpecificRecord>> events = new ArrayList<>();
            List<Timeline.Entry> entries = new ArrayList<>();
            for (StoredCustomer customer : changed) {
                UUID id = customer.id();
                List<String> fields = changedFields.get(id);
                CustomerEvents.changed(siteId, customer.fields(), fields, null, false)
                        .forEach(event -> events.add(Map.entry(id.toString(), event)));
                entries.add(new Timeline.Entry(id, "UPDATED", "BULK",
                        new JsonDetails().put("fields", String.join(",", fields)).put("bulkJob", jobId.toString()).toString()));
            }
            return outbox.addAll(Topics.CUSTOMER_EVENTS, "customer", events).then(timeline.recordAll(siteId, entries, now));
        });
    }
}
