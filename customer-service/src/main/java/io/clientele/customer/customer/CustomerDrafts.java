package io.clientele.customer.customer;

import io.clientele.platform.json.MergePatch;
import io.clientele.platform.web.JsonBodies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads a customer's JSON into a draft, as a whole (create, replace) or as a JSON merge patch onto the stored one. */
public final class CustomerDrafts {

    public static final Set<String> FIELDS = JsonBodies.fieldsOf(CustomerDraft.class);

    private CustomerDrafts() {
    }

    /** The whole customer from a request body; fields left out are empty. */
    public static CustomerDraft whole(Map<String, Object> body) {
        return JsonBodies.read(body, CustomerDraft.class, "customer");
    }

    /** The writable part of a customer as {@link CustomerStore} reads it. */
    public static CustomerDraft stored(Map<String, Object> fields) {
        Map<String, Object> writable = new LinkedHashMap<>();
        FIELDS.forEach(field -> writable.put(field, fields.get(field)));
        return JsonBodies.read(writable, CustomerDraft.class, "customer");
    }

    /**
     * The stored customer with the patch merged in (RFC 7386): named fields set, null empties a field, and maps
     * (externalIds, metadata) merged key by key, where null removes a key. The customer's rules are checked after.
     */
    public static CustomerDraft patched(CustomerDraft stored, Map<String, Object> patch) {
        return JsonBodies.read(MergePatch.apply(JsonBodies.toMap(stored), patch), CustomerDraft.class, "customer");
    }

    /** The API names of the fields whose values differ. */
    public static List<String> changedFields(CustomerDraft before, CustomerDraft after) {
        Map<String, Object> was = JsonBodies.toMap(before);
        Map<String, Object> now = JsonBodies.toMap(after);
        return FIELDS.stream().filter(field -> !Objects.equals(was.get(field), now.get(field))).toList();
    }
}
