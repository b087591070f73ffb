package io.clientele.customer.imports;

import io.clientele.customer.customer.CustomerDraft;
import io.clientele.customer.customer.CustomerDrafts;
import io.clientele.customer.customer.CustomerValidation;
import io.clientele.customer.customer.StoredCustomer;
import io.clientele.customer.timeline.Timeline;
import io.clientele.events.ImportBatchRequested;
import io.clientele.events.ImportIdentity;
import io.clientele.events.ImportRow;
import io.clientele.events.ImportRowOutcome;
import io.clientele.events.ImportRowStatus;
import io.clientele.platform.email.EmailAddresses;
import io.clientele.platform.group.GroupNames;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * What an import batch does to the site's customers, decided row by row before anything is written: each row is
 * matched (by the identities in the batch's order), merged, validated and checked against the identities other
 * customers hold, and becomes a creation, an update, nothing, or a failure with its reason.
 *
 * <p>Survivorship: a cell with a value replaces the customer's field, a blank cell changes nothing; tags and groups
 * are added; the external id of the import's system is set.
 */
final class ImportPlan {

    final Map<UUID, CustomerDraft> inserts = new LinkedHashMap<>();
    final Map<UUID, CustomerDraft> updates = new LinkedHashMap<>();
    final Map<UUID, List<String>> changedFields = new HashMap<>();
    final List<UUID> memberIds = new ArrayList<>();
    final List<String> memberGroups = new ArrayList<>();
    final List<UUID> consentIds = new ArrayList<>();
    final List<Boolean> consents = new ArrayList<>();
    /** New customers who opted in: their consent is written with them. */
    final Set<UUID> newOptIns = new HashSet<>();
    /** Existing customers whose consent changes. */
    final Map<UUID, Boolean> changedOptIns = new LinkedHashMap<>();
    final List<Timeline.Entry> timeline = new ArrayList<>();
    final List<ImportRowOutcome> outcomes = new ArrayList<>();

    private final ImportBatchRequested batch;
    private final ExistingCustomers existing;
    private final boolean requireNames;
    private final Map<UUID, Integer> rowOfCustomer = new HashMap<>();
    private final Map<String, Integer> rowOfEmail = new HashMap<>();
    private final Map<String, Integer> rowOfExternalId = new HashMap<>();

    private ImportPlan(ImportBatchRequested batch, ExistingCustomers existing, boolean requireNames) {
        this.batch = batch;
        this.existing = existing;
        this.requireNames = requireNames;
    }

    static ImportPlan of(ImportBatchRequested batch, ExistingCustomers existing, boolean requireNames) {
        ImportPlan plan = new ImportPlan(batch, existing, requireNames);
        batch.getRows().forEach(plan::plan);
        return plan;
    }

    private void plan(ImportRow row) {
        try {
            Optional<UUID> match = match(row);
            StoredCustomer stored = match.map(existing::customer).orElse(null);
            CustomerDraft before = stored == null ? null : CustomerDrafts.stored(stored.fields());
            Map<String, Object> patch = patch(row, before);
            CustomerDraft draft = CustomerValidation.validated(
                    before == null ? CustomerDrafts.whole(patch) : CustomerDrafts.patched(before, patch), requireNames);
            Set<String> groups = GroupNames.checked("groups", row.getGroups());
            UUID id = match.orElseGet(UUID::randomUUID);
            claimIdentities(row, id, draft);
            if (stored == null) {
                create(row, id, draft, groups);
            } else {
                update(row, id, stored, before, draft, groups);
            }
        } catch (ProblemException refused) {
            outcome(row, ImportRowStatus.FAILED, null, refused.getBody().getDetail());
        }
    }

    /** The customer the row names by the first identity, in the batch's order, that one has. */
    private Optional<UUID> match(ImportRow row) {
        for (ImportIdentity identity : batch.getMatchOrder()) {
            Optional<UUID> found = switch (identity) {
                case EXTERNAL_ID -> Optional.ofNullable(row.getExternalId()).map(String::strip).flatMap(existing::withExternalId);
                case EMAIL -> Optional.ofNullable(ExistingCustomers.email(row)).flatMap(existing::withEmail);
                case PHONE -> onePhoneMatch(row);
            };
            if (found.isPresent()) {
                Integer earlier = rowOfCustomer.putIfAbsent(found.get(), row.getRowNumber());
                if (earlier != null) {
                    throw refused("matches the same customer as row " + earlier);
                }
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<UUID> onePhoneMatch(ImportRow row) {
        List<UUID> found = existing.withPhoneOf(row);
        if (found.size() > 1) {
            throw refused("phone: " + found.size() + " customers have this number; add an e-mail or external id");
        }
        return found.stream().findFirst();
    }

    private Map<String, Object> patch(ImportRow row, CustomerDraft before) {
        Map<String, Object> patch = new LinkedHashMap<>(row.getFields());
        Set<String> tags = new LinkedHashSet<>(before == null ? List.of() : before.tags());
        tags.addAll(row.getTags());
        patch.put("tags", List.copyOf(tags));
        Map<String, String> externalIds = new LinkedHashMap<>(before == null ? Map.of() : before.externalIds());
        if (row.getExternalId() != null) {
            externalIds.put(batch.getExternalIdSystem(), row.getExternalId());
        }
        patch.put("externalIds", externalIds);
        return patch;
    }

    /** Refuses a row whose e-mail or external id another customer of the site, or an earlier row, has. */
    private void claimIdentities(ImportRow row, UUID id, CustomerDraft draft) {
        String email = EmailAddresses.normalize(draft.email());
        if (email != null) {
            existing.withEmail(email).filter(owner -> !owner.equals(id))
                    .ifPresent(owner -> { throw taken("email: another customer of the site has it"); });
            claim(rowOfEmail, email, row, "email");
        }
        String externalId = draft.externalIds().get(batch.getExternalIdSystem());
        if (externalId != null) {
            existing.withExternalId(externalId).filter(owner -> !owner.equals(id))
                    .ifPresent(owner -> { throw taken("externalId: another customer of the site has it"); });
            claim(rowOfExternalId, externalId, row, "externalId");
        }
    }

    private static void claim(Map<String, Integer> claimed, String identity, ImportRow row, String field) {
        Integer earlier = claimed.putIfAbsent(identity, row.getRowNumber());
        if (earlier != null) {
            throw taken(field + ": row " + earlier + " has it too");
        }
    }

    private void create(ImportRow row, UUID id, CustomerDraft draft, Set<String> groups) {
        inserts.put(id, draft);
        join(id, groups);
        if (Boolean.TRUE.equals(row.getOptIn())) {
            newOptIns.add(id);
            consent(id, true);
        }
        record(id, "CREATED", CustomerDrafts.FIELDS);
        outcome(row, ImportRowStatus.CREATED, id, null);
    }

    @SuppressWarnings("unchecked")
    private void update(ImportRow row, UUID id, StoredCustomer stored, CustomerDraft before, CustomerDraft draft,
                        Set<String> groups) {
        List<String> changed = new ArrayList<>(CustomerDrafts.changedFields(before, draft));
        Set<String> newGroups = new LinkedHashSet<>(groups);
        newGroups.removeAll((List<String>) stored.fields().get("groups"));
        if (!newGroups.isEmpty()) {
            changed.add("groups");
        }
        boolean consentChanged = row.getOptIn() != null && !row.getOptIn().equals(stored.fields().get("marketingOptIn"));
        if (consentChanged) {
            changed.add("marketingOptIn");
        }
        if (changed.isEmpty()) {
            outcome(row, ImportRowStatus.UNCHANGED, id, null);
            return;
        }
        updates.put(id, draft);
        changedFields.put(id, changed);
        join(id, newGroups);
        if (consentChanged) {
            changedOptIns.put(id, row.getOptIn());
            consent(id, row.getOptIn());
        }
        record(id, "UPDATED", changed);
        outcome(row, ImportRowStatus.UPDATED, id, null);
    }

    private void join(UUID id, Set<String> groups) {
        for (String group : groups) {
            memberIds.add(id);
            memberGroups.add(group);
        }
    }

    private void consent(UUID id, boolean optedIn) {
        consentIds.add(id);
        consents.add(optedIn);
        timeline.add(new Timeline.Entry(id, optedIn ? "OPTED_IN" : "OPTED_OUT", "IMPORT",
                new JsonDetails().put("source", "import").toString()));
    }

    private void record(UUID id, String outcome, java.util.Collection<String> fields) {
        timeline.add(new Timeline.Entry(id, "IMPORTED", "IMPORT", new JsonDetails()
                .put("importId", batch.getImportId()).put("source", batch.getSource()).put("outcome", outcome)
                .put("fields", String.join(",", fields)).toString()));
    }

    private void outcome(ImportRow row, ImportRowStatus status, UUID id, String reason) {
        outcomes.add(ImportRowOutcome.newBuilder().setRowNumber(row.getRowNumber()).setStatus(status)
                .setCustomerId(id == null ? null : id.toString()).setReason(reason).build());
    }

    private static ProblemException refused(String reason) {
        return new ProblemException(HttpStatus.CONFLICT, "import-row-refused", "Row refused", reason);
    }

    private static ProblemException taken(String reason) {
        return new ProblemException(HttpStatus.CONFLICT, "customer-identity-taken", "Identity taken", reason);
    }
}
