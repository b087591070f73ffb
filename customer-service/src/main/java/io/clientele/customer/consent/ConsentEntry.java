package io.clientele.customer.consent;

import java.time.Instant;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** One line of the consent ledger. */
public record ConsentEntry(boolean optedIn, String source, Map<String, Object> evidence, Instant recordedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Map<String, Object> evidence(String json) {
        return JSON.readValue(json, new TypeReference<>() {
        });
    }

    static String json(Map<String, Object> evidence) {
        return JSON.writeValueAsString(evidence == null ? Map.of() : evidence);
    }
}
