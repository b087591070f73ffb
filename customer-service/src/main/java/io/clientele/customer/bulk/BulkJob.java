package io.clientele.customer.bulk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bulk change or deletion as its progress call shows it; a deletion's is also its audit record.
 *
 * @param status    PREVIEWED (a deletion waiting for its confirmation), RUNNING or FINISHED
 * @param total     the customers the job works on
 * @param processed of those, how many it has been through
 * @param changed   how many it changed (or deleted); the others were left as they were or failed
 * @param failures  the first failures, each with the customer's id and why
 */
public record BulkJob(UUID id, String kind, String status, int total, int processed, int changed, int failed,
                      int percent, String requestedBy, String reason, Instant createdAt, Instant startedAt,
                      Instant finishedAt, List<Map<String, Object>> failures) {

    static final String CHANGE = "CHANGE";
    static final String DELETE = "DELETE";
}
