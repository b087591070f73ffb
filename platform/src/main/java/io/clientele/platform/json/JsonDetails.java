package io.clientele.platform.json;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON object for jsonb columns (evidence, details), leaving out the keys whose value is null. */
public final class JsonDetails {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public JsonDetails put(String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
        return this;
    }

    @Override
    public String toString() {
        return JSON.writeValueAsString(fields);
    }
}
