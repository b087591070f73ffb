package io.clientele.platform.personaldata;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service's part of a customer's personal data report: named sections, each the rows of one query (bound with
 * {@code :siteId} and {@code :customerId}), as JSON objects column by column.
 */
public final class PersonalDataReport {

    private final Map<String, String> sections = new LinkedHashMap<>();

    /** @param sql a query of one customer's rows; jsonb columns cast to text */
    public PersonalDataReport section(String name, String sql) {
        sections.put(name, sql);
        return this;
    }

    public Mono<Map<String, Object>> of(DatabaseClient db, String siteId, Object customerId) {
        return Flux.fromIterable(sections.entrySet())
                .concatMap(section -> db.sql(section.getValue()).bind("siteId", siteId).bind("customerId", customerId)
                        .fetch().all().collectList().map(rows -> Map.entry(section.getKey(), rows)))
                .collect(LinkedHashMap::new, (report, section) -> report.put(section.getKey(), section.getValue()));
    }
}
