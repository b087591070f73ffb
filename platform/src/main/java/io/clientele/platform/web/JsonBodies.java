package io.clientele.platform.web;

import io.clientele.platform.json.MergePatch;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies held as maps (a merge patch must tell a field sent as null from one left out) read into the records
 * the services work with: an unknown field, a value of the wrong type and a constraint violation each answer 400
 * naming the field.
 */
public final class JsonBodies {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final ClassValue<Set<String>> FIELDS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            return Collections.unmodifiableSet(names);
        }
    };

    private JsonBodies() {
    }

    /** The API names of a record's fields, sorted. */
    public static Set<String> fieldsOf(Class<? extends Record> type) {
        return FIELDS.get(type);
    }

    /** The value as its JSON object, every field present (null where empty). */
    public static Map<String, Object> toMap(Object value) {
        return JSON.convertValue(value, MAP);
    }

    /**
     * The body as a {@code type}.
     *
     * @param what what the body describes, for the error of an unknown field ("customer", "site")
     */
    public static <T extends Record> T read(Map<String, ?> body, Class<T> type, String what) {
        List<ProblemException.FieldError> unknown = unknownFields(body, type, what);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidFields(unknown);
        }
        try {
            return JSON.convertValue(body, type);
        } catch (JacksonException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().getFirst().getPropertyName();
            throw ProblemException.invalidField(field, "has the wrong type or format");
        }
    }

    /**
     * The current value with a JSON merge patch (RFC 7386) applied and checked against the record's constraints;
     * unknown fields and violations are named together.
     */
    public static <T extends Record> T patched(T current, Map<String, ?> patch, String what, Validator validator) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) current.getClass();
        List<ProblemException.FieldError> errors = new ArrayList<>(unknownFields(patch, type, what));
        Map<String, Object> known = new LinkedHashMap<>(patch);
        known.keySet().retainAll(fieldsOf(type));
        T patched = read(MergePatch.apply(toMap(current), known), type, what);
        validator.validate(patched).forEach(violation -> errors.add(
                new ProblemException.FieldError(violation.getPropertyPath().toString(), violation.getMessage())));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(ProblemException.FieldError::field));
            throw ProblemException.invalidFields(errors);
        }
        return patched;
    }

    private static List<ProblemException.FieldError> unknownFields(Map<String, ?> body, Class<? extends Record> type,
                                                                   String what) {
        Set<String> fields = fieldsOf(type);
        return body.keySet().stream().filter(key -> !fields.contains(key)).sorted()
                .map(field -> new ProblemException.FieldError(field, "is not a " + what + " field; known: " + fields))
                .toList();
    }
}
