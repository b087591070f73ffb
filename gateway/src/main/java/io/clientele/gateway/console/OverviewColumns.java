package io.clientele.gateway.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The columns of the customers overview the signed-in collaborator chose, kept by customer-service for each of
 * them, and each found customer's cells in those columns.
 */
@Component
class OverviewColumns {

    private final ConsoleCalls calls;

    OverviewColumns(ConsoleCalls calls) {
        this.calls = calls;
    }

    @SuppressWarnings("unchecked")
    Mono<List<String>> mine(String siteId) {
        return calls.get(calls.customers(), uri -> uri.path("/api/v1/sites/{siteId}/collaborators/me/settings").build(siteId),
                ConsoleCalls.JSON).map(settings -> (List<String>) settings.getOrDefault("overviewColumns", List.of("email")));
    }

    Mono<Map<String, Object>> choose(String siteId, List<String> columns) {
        return calls.send(HttpMethod.PUT, calls.customers(), "/api/v1/sites/" + siteId + "/collaborators/me/settings",
                Map.of("overviewColumns", columns));
    }

    /**
     * Each customer's values in the columns, as the page writes them: a list joined with commas, external ids as
     * "system: id", a true or false left as it is for the page to say in the collaborator's language.
     */
    static List<List<Object>> cells(Object customers, List<String> columns) {
        List<List<Object>> rows = new ArrayList<>();
        if (customers instanceof List<?> found) {
            for (Object customer : found) {
                Map<?, ?> fields = customer instanceof Map<?, ?> map ? map : Map.of();
                rows.add(columns.stream().map(column -> shown(fields.get(column))).toList());
            }
        }
        return rows;
    }

    private static Object shown(Object value) {
        return switch (value) {
            case null -> "";
            case Boolean yesOrNo -> yesOrNo;
            case List<?> items -> items.stream().map(String::valueOf).collect(Collectors.joining(", "));
            case Map<?, ?> entries -> entries.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                    .collect(Collectors.joining(", "));
            default -> String.valueOf(value);
        };
    }
}
