package io.clientele.customer.timeline;

import io.clientele.platform.web.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads a customer's timeline newest first, a page at a time, optionally of some types and in a time range. */
@Component
public class TimelineReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final DatabaseClient db;

    TimelineReader(DatabaseClient db) {
        this.db = db;
    }

    /**
     * @param types  the entry types to show, or empty for all
     * @param from   the earliest time shown (inclusive), or null
     * @param to     the latest time shown (exclusive), or null
     * @param before the cursor a previous page answered, or null for the newest entries
     */
    public Mono<TimelinePage> page(String siteId, UUID customerId, List<String> types, Instant from, Instant to, int limit,
                            String before) {
        long beforeId = before == null || before.isBlank() ? Long.MAX_VALUE : cursor(before);
        return db.sql("""
                        SELECT id, type, channel, CAST(details AS text) AS details, occurred_at FROM timeline_entries
                        WHERE site_id = :siteId AND customer_id = :customerId
                          AND (cardinality(CAST(:types AS text[])) = 0 OR type = ANY(CAST(:types AS text[])))
                          AND occurred_at >= :from AND occurred_at < :to
                          AND (occurred_at, id) < (SELECT coalesce(max(occurred_at), 'infinity'), :beforeId
                                                   FROM timeline_entries WHERE id = :beforeId)
                        ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .bind("siteId", siteId).bind("customerId", customerId)
                .bind("types", types.toArray(String[]::new))
                .bind("from", from == null ? Instant.EPOCH : from)
                .bind("to", to == null ? Instant.parse("9999-12-31T00:00:00Z") : to)
                .bind("beforeId", beforeId)
                .bind("limit", limit + 1)
                .map(row -> new TimelineEntry(row.get("id", Long.class), row.get("type", String.class),
                        row.get("channel", String.class), JSON.readValue(row.get("details", String.class), OBJECT),
                        row.get("occurred_at", Instant.class)))
                .all()
                .collectList()
                .map(read -> read.size() > limit
                        ? new TimelinePage(read.subList(0, limit), Long.toString(read.get(limit - 1).id()))
                        : new TimelinePage(read, null));
    }

    /** Every entry of the customer, oldest first (the personal data report). */
    public Flux<TimelineEntry> all(String siteId, UUID customerId) {
        return page(siteId, customerId, List.of(), null, null, Integer.MAX_VALUE - 1, null)
                .flatMapIterable(page -> new ArrayList<>(page.entries().reversed()));
    }

    private static long cursor(String before) {
        try {
            return Long.parseLong(before);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("before", "is not a cursor this API answered");
        }
    }
}
