package io.clientele.platform.json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON merge patch (RFC 7386) applied to a document read as maps: objects merge key by key at every depth, a
 * {@code null} removes its key, anything else (text, number, array) replaces what was there.
 */
public final class MergePatch {

    private MergePatch() {
    }

    /** A new document: the target with the patch merged into it; neither argument is changed. */
    public static Map<String, Object> apply(Map<String, ?> target, Map<String, ?> patch) {
        Map<String, Object> merged = target == null ? new LinkedHashMap<>() : new LinkedHashMap<>(target);
        patch.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, merged(merged.get(name), value));
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object merged(Object target, Object patch) {
        if (!(patch instanceof Map<?, ?> object)) {
            return patch;
        }
        return apply(target instanceof Map<?, ?> map ? (Map<String, ?>) map : null, (Map<String, ?>) object);
    }
}
