package io.clientele.customer.search;

import java.util.List;
import java.util.Map;

/**
 * One page of customers.
 *
 * @param total      how many customers the query finds, counted up to {@link CustomerSearch#EXACT_TOTAL_UP_TO}
 * @param totalExact false when the query finds more than that, and {@code total} is a lower bound (the count
 *                   endpoint counts them all)
 * @param next       the {@code after} that asks for the next page; null on the last one
 */
public record SearchResult(List<Map<String, Object>> items, long total, boolean totalExact, String next) {
}
