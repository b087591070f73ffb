package io.clientele.customer.merge;

import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.customer.StoredCustomer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds the customers of a site who are likely the same person: the same e-mail once normalised further than the
 * unique one (a +tag dropped; dots of a Gmail address), the same phone number in any of the phone fields, or the same
 * name (case and accents aside) at the same postal code. Each set comes with the reason and the value they share.
 */
@Component
class DuplicateFinder {

    private static final String KEYS = """
            WITH keys AS (
                SELECT id, 'EMAIL' AS reason,
                       CASE WHEN split_part(email_normalized, '@', 2) IN ('gmail.com', 'googlemail.com')
                            THEN replace(regexp_replace(split_part(email_normalized, '@', 1), '[+].*$', ''), '.', '') || '@gmail.com'
                            ELSE regexp_replace(split_part(email_normalized, '@', 1), '[+].*$', '') || '@' || split_part(email_normalized, '@', 2)
                       END AS value
                FROM customers WHERE site_id = :siteId AND email_normalized IS NOT NULL
                UNION ALL
                SELECT id, 'PHONE', p FROM customers, unnest(ARRAY[phone, sms_number, alternate_phone]) AS p
                WHERE site_id = :siteId AND p IS NOT NULL
                UNION ALL
                SELECT id, 'NAME_AND_POSTAL_CODE',
                       search_folded(first_name || ' ' || last_name) || ' ' || upper(replace(postal_code, ' ', ''))
                FROM customers
                WHERE site_id = :siteId AND first_name IS NOT NULL AND last_name IS NOT NULL AND postal_code IS NOT NULL)
            SELECT reason, value, array_agg(DISTINCT id) AS ids FROM keys
            WHERE (reason, value) > (:afterReason, :afterValue)
            GROUP BY reason, value HAVING count(DISTINCT id) > 1
            ORDER BY reason, value LIMIT :limit""";

    private final DatabaseClient db;
    private final CustomerStore customers;

    DuplicateFinder(DatabaseClient db, CustomerStore customers) {
        this.db = db;
        this.customers = customers;
    }

    /** @param after the cursor of the previous page ("REASON value"), or null */
    Mono<DuplicatePage> page(String siteId, int limit, String after) {
        String afterReason = after == null ? "" : after.split(" ", 2)[0];
        String afterValue = after == null || !after.contains(" ") ? "" : after.split(" ", 2)[1];
        return db.sql(KEYS).bind("siteId", siteId).bind("afterReason", afterReason).bind("afterValue", afterValue)
                .bind("limit", limit + 1)
                .map(row -> new Shared(row.get("reason", String.class), row.get("value", String.class),
                        Arrays.asList(row.get("ids", UUID[].class))))
                .all().collectList()
                .flatMap(found -> {
                    List<Shared> shown = found.size() > limit ? found.subList(0, limit) : found;
                    String next = found.size() > limit ? shown.getLast().reason() + " " + shown.getLast().value() : null;
                    return customers.findAll(siteId, shown.stream().flatMap(shared -> shared.ids().stream()).distinct().toList())
                            .collectMap(StoredCustomer::id, Function.identity())
                            .map(byId -> new DuplicatePage(shown.stream().map(shared -> new DuplicateSet(shared.reason(),
                                    shared.value(), shared.ids().stream().map(byId::get)
                                    .filter(Objects::nonNull)
                                    .sorted(Comparator.comparing(customer -> customer.fields().get("createdAt").toString()))
                                    .map(StoredCustomer::fields).collect(Collectors.toList()))).toList(), next));
                });
    }

    private record Shared(String reason, String value, List<UUID> ids) {
    }

    record DuplicateSet(String reason, String value, List<Map<String, Object>> customers) {
    }

    record DuplicatePage(List<DuplicateSet> items, String next) {
    }
}
