package io.clientele.customer.search;

import java.util.List;
import java.util.Map;

/**
 * One page of customers.
 *
 * @param total how many customers the query finds in all
 * @param next  the {@code after} that asks for the next page; null on the last one
 */
public record SearchResult(List<Map<String, Object>> items, long total, String next) {
}
