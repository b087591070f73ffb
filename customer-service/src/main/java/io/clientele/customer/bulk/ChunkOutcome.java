package io.clientele.customer.bulk;

import java.util.List;
import java.util.UUID;

/** What a job did to one chunk of its customers. */
record ChunkOutcome(int processed, int changed, List<Failure> failures) {

    record Failure(UUID customerId, String reason) {
    }
}
