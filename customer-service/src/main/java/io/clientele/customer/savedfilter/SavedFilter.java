package io.clientele.customer.savedfilter;

import io.clientele.customer.search.CustomerQuery;
import java.time.Instant;
import java.util.UUID;

/** A query kept under a name, to run again. */
public record SavedFilter(UUID id, String name, CustomerQuery query, Instant createdAt, Instant updatedAt) {
}
