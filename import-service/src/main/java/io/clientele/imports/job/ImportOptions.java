package io.clientele.imports.job;

import io.clientele.events.ImportIdentity;
import io.clientele.platform.group.GroupNames;
import io.clientele.platform.web.ProblemException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an import reads its file and applies its rows; every part is optional.
 *
 * @param mapping          file header -> importable column ("" leaves the column out), for files not made from the template
 * @param matchOrder       the identities an existing customer is found by, in turn: externalId, email, phone
 * @param externalIdSystem the system the externalId column's ids belong to
 * @param source           a label for the import, on each customer's timeline and consent evidence
 * @param tags             added to every row's customer
 * @param groups           added to every row's customer (created when the site does not have them)
 */
public record ImportOptions(Map<String, String> mapping, List<String> matchOrder, String externalIdSystem, String source,
                            List<String> tags, List<String> groups) {

    private static final Map<String, ImportIdentity> IDENTITIES = Map.of("externalId", ImportIdentity.EXTERNAL_ID,
            "email", ImportIdentity.EMAIL, "phone", ImportIdentity.PHONE);

    /** The options with their defaults filled in, checked; a 400 names what is wrong. */
    public ImportOptions completed(String fileName) {
        List<String> order = matchOrder == null || matchOrder.isEmpty() ? List.of("externalId", "email", "phone") : matchOrder;
        if (!IDENTITIES.keySet().containsAll(order) || new LinkedHashSet<>(order).size() != order.size()) {
            throw ProblemException.invalidField("matchOrder", "lists some of externalId, email and phone, each once");
        }
        String system = externalIdSystem == null ? "import" : externalIdSystem.strip().toLowerCase(java.util.Locale.ROOT);
        if (!system.matches("[a-z0-9_-]{1,64}")) {
            throw ProblemException.invalidField("externalIdSystem", "is 1 to 64 of a-z, 0-9, _ and -");
        }
        String label = source == null || source.isBlank() ? fileName : source.strip();
        if (label.length() > 200) {
            throw ProblemException.invalidField("source", "has at most 200 characters");
        }
        Set<String> checkedTags = new LinkedHashSet<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            if (tag == null || tag.isBlank() || tag.strip().length() > 50) {
                throw ProblemException.invalidField("tags", "a tag has 1 to 50 characters");
            }
            checkedTags.add(tag.strip());
        }
        return new ImportOptions(mapping == null ? Map.of() : mapping, order, system, label, List.copyOf(checkedTags),
                List.copyOf(GroupNames.checked("groups", groups)));
    }

    List<ImportIdentity> identities() {
        return matchOrder.stream().map(IDENTITIES::get).toList();
    }
}
