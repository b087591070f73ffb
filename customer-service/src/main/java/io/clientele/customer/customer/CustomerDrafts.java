package io.clientele.customer.customer;

import io.clientele.platform.web.ProblemException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads a customer's JSON into a draft, as a whole (create, replace) or as a JSON merge patch onto the stored one. */
public final class CustomerDrafts {

    public static final Set<String> FIELDS = Arrays.stream(CustomerDraft.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private CustomerDrafts() {
    }

    /** The whole customer from a request body; fields left out are empty. */
    public static CustomerDraft whole(Map<String, Object> body) {
        return read(body);
    }

    /** The writable part of a customer as {@link CustomerStore} reads it. */
    public static CustomerDraft stored(Map<String, Object> fields) {
        Map<String, Object> writable = new LinkedHashMap<>();
        FIELDS.forEach(field -> writable.put(field, fields.get(field)));
        return JSON.convertValue(writable, CustomerDraft.class);
    }

    /** The stored customer with the fields the patch names set to its values (null empties a field). */
    public static CustomerDraft patched(CustomerDraft stored, Map<String, Object> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(JSON.convertValue(stored, MAP));
        merged.putAll(patch);
        return read(merged);
    }

    /** The API names of the fields whose values differ. */
    public static List<String> changedFields(CustomerDraft before, CustomerDraft after) {
        Map<String, Object> was = JSON.convertValue(before, MAP);
        Map<String, Object> now = JSON.convertValue(after, MAP);
        return FIELDS.stream().filter(field -> !Objects.equals(was.get(field), now.get(field))).toList();
    }

    private static CustomerDraft read(Map<String, Object> body) {
        List<String> unknown = body.keySet().stream().filter(key -> !FIELDS.contains(key)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidFields(unknown.stream()
                    .map(field -> new ProblemException.FieldError(field, "is not a customer field; known: " + FIELDS))
                    .toList());
        }
        try {
            return JSON.convertValue(body, CustomerDraft.class);
        } catch (JacksonException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().getFirst().getPropertyName();
            throw ProblemException.invalidField(field, "has the wrong type or format");
        }
    }
}
