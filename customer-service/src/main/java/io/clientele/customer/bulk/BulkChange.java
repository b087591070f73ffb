package io.clientele.customer.bulk;

import io.clientele.customer.customer.CustomerDraft;
import io.clientele.customer.customer.CustomerDrafts;
import io.clientele.customer.customer.CustomerValidation;
import io.clientele.platform.group.GroupNames;
import io.clientele.platform.web.ProblemException;
import io.clientele.platform.web.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a bulk change does to each customer: the fields of {@code set} replace theirs (null empties one), tags and
 * groups are added and removed. Identities (e-mail, external ids) are one customer's own and cannot be set in bulk.
 */
public record BulkChange(Map<String, Object> set, List<String> addTags, List<String> removeTags, List<String> addGroups,
                         List<String> removeGroups) {

    private static final Set<String> NOT_IN_BULK = Set.of("email", "externalIds", "tags");
    private static final Set<String> COUNTRY_DEPENDENT = Set.of("smsNumber", "phone", "alternatePhone", "fax");

    public BulkChange {
        set = set == null ? Map.of() : new LinkedHashMap<>(set);
        addTags = addTags == null ? List.of() : List.copyOf(addTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
        addGroups = addGroups == null ? List.of() : List.copyOf(addGroups);
        removeGroups = removeGroups == null ? List.of() : List.copyOf(removeGroups);
    }

    /** A 400 naming every field of the change that cannot be applied to anyone. */
    BulkChange checked() {
        List<FieldError> errors = new ArrayList<>();
        set.keySet().stream().filter(NOT_IN_BULK::contains).sorted().forEach(field -> errors.add(new FieldError("set." + field,
                field.equals("tags") ? "use addTags and removeTags" : "identifies one customer; change it customer by customer")));
        set.keySet().stream().filter(field -> !CustomerDrafts.FIELDS.contains(field)).sorted()
                .forEach(field -> errors.add(new FieldError("set." + field, "is not a customer field")));
        if (errors.isEmpty()) {
            errors.addAll(valueErrors());
        }
        if (set.isEmpty() && addTags.isEmpty() && removeTags.isEmpty() && addGroups.isEmpty() && removeGroups.isEmpty()) {
            errors.add(new FieldError("set", "the change changes nothing: set fields, or add or remove tags or groups"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new BulkChange(set, addTags, removeTags, List.copyOf(GroupNames.checked("addGroups", addGroups)),
                List.copyOf(GroupNames.checked("removeGroups", removeGroups)));
    }

    /**
     * What is wrong with the values of {@code set} whoever the customer is, found before the job starts (a country
     * that does not exist would otherwise fail for every customer). Phone numbers are checked against each customer's
     * country while the job runs, unless the change sets the country too.
     */
    @SuppressWarnings("unchecked")
    private List<FieldError> valueErrors() {
        Map<String, Object> probe = new LinkedHashMap<>(set);
        probe.put("email", "bulk-change@example.com");
        try {
            CustomerValidation.validated(CustomerDrafts.whole(probe), false);
            return List.of();
        } catch (ProblemException refused) {
            Object errors = refused.getBody().getProperties() == null ? null : refused.getBody().getProperties().get("errors");
            if (errors == null) {
                throw refused;
            }
            return ((List<FieldError>) errors).stream()
                    .filter(error -> set.containsKey(error.field()))
                    .filter(error -> set.containsKey("country") || !COUNTRY_DEPENDENT.contains(error.field()))
                    .map(error -> new FieldError("set." + error.field(), error.message()))
                    .toList();
        }
    }

    /** The customer as this change leaves it, not yet validated. */
    CustomerDraft applyTo(CustomerDraft customer) {
        Map<String, Object> patch = new LinkedHashMap<>(set);
        if (!addTags.isEmpty() || !removeTags.isEmpty()) {
            Set<String> tags = new LinkedHashSet<>(customer.tags() == null ? List.of() : customer.tags());
            tags.addAll(addTags);
            removeTags.forEach(tags::remove);
            patch.put("tags", List.copyOf(tags));
        }
        return CustomerDrafts.patched(customer, patch);
    }

    /** A customer's groups after the change, in the order they were joined. */
    List<String> applyToGroups(List<String> groups) {
        Set<String> after = new LinkedHashSet<>(groups);
        after.addAll(addGroups);
        removeGroups.forEach(after::remove);
        return List.copyOf(after);
    }

    boolean changesGroups() {
        return !addGroups.isEmpty() || !removeGroups.isEmpty();
    }
}
