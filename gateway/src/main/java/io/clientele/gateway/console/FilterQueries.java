package io.clientele.gateway.console;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The fields a filter can name (customer-service's list, with their kinds and operators), and a form's query. */
@Component
class FilterQueries {

    private final ConsoleCalls calls;

    FilterQueries(ConsoleCalls calls) {
        this.calls = calls;
    }

    Mono<List<Map<String, Object>>> fields(String siteId) {
        return calls.get(calls.customers(), uri -> uri.path("/api/v1/sites/{siteId}/customers/fields").build(siteId),
                ConsoleCalls.JSON_LIST);
    }

    Mono<Map<String, Object>> query(String siteId, FilterForm form) {
        return fields(siteId).map(fields -> form.query(kinds(fields)));
    }

    static Map<String, String> kinds(List<Map<String, Object>> fields) {
        return fields.stream().collect(Collectors.toMap(field -> String.valueOf(field.get("name")),
                field -> String.valueOf(field.get("kind"))));
    }
}
