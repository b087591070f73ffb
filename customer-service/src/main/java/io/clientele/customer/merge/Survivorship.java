package io.clientele.customer.merge;

import io.clientele.customer.customer.CustomerDraft;
import io.clientele.customer.customer.CustomerDrafts;
import io.clientele.platform.web.ProblemException;
import io.clientele.platform.web.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record two customers merge into. Each field keeps the survivor's value unless it has none, or unless the request
 * names the field to take from the merged customer; tags and metadata are combined (the survivor's metadata wins a
 * key both have); external ids are combined, and two different ids in the same system refuse the merge.
 */
final class Survivorship {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final List<String> COMBINED = List.of("tags", "metadata", "externalIds");

    private Survivorship() {
    }

    static CustomerDraft merged(CustomerDraft survivor, CustomerDraft merged, Collection<String> fromMerged) {
        List<FieldError> unknown = fromMerged.stream().filter(field -> !CustomerDrafts.FIELDS.contains(field) || COMBINED.contains(field))
                .map(field -> new FieldError("fieldsFromMerged", "'" + field + "' is not a field one customer's value is taken for"))
                .toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidFields(unknown);
        }
        conflicts(survivor, merged);
        Map<String, Object> kept = JSON.convertValue(survivor, MAP);
        Map<String, Object> other = JSON.convertValue(merged, MAP);
        Map<String, Object> result = new LinkedHashMap<>(kept);
        for (String field : CustomerDrafts.FIELDS) {
            if (COMBINED.contains(field)) {
                continue;
            }
            if (fromMerged.contains(field) ? other.get(field) != null : empty(kept.get(field))) {
                result.put(field, other.get(field));
            }
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>(survivor.tags() == null ? List.of() : survivor.tags());
        tags.addAll(merged.tags() == null ? List.of() : merged.tags());
        result.put("tags", List.copyOf(tags));
        Map<String, String> metadata = new LinkedHashMap<>(merged.metadata() == null ? Map.of() : merged.metadata());
        metadata.putAll(survivor.metadata() == null ? Map.of() : survivor.metadata());
        result.put("metadata", metadata);
        Map<String, String> externalIds = new LinkedHashMap<>(merged.externalIds() == null ? Map.of() : merged.externalIds());
        externalIds.putAll(survivor.externalIds() == null ? Map.of() : survivor.externalIds());
        result.put("externalIds", externalIds);
        return CustomerDrafts.patched(survivor, result);
    }

    private static void conflicts(CustomerDraft survivor, CustomerDraft merged) {
        List<FieldError> conflicts = new ArrayList<>();
        Map<String, String> kept = survivor.externalIds() == null ? Map.of() : survivor.externalIds();
        Map<String, String> other = merged.externalIds() == null ? Map.of() : merged.externalIds();
        kept.forEach((system, id) -> {
            String otherId = other.get(system);
            if (otherId != null && !otherId.equals(id)) {
                conflicts.add(new FieldError("externalIds." + system, "the customer has " + id + ", the merged customer "
                        + otherId + ": one customer has one id per system"));
            }
        });
        if (!conflicts.isEmpty()) {
            throw ProblemException.ofFields(HttpStatus.CONFLICT, "merge-conflict", "Conflicting identities", conflicts);
        }
    }

    private static boolean empty(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }
}
