package io.clientele.customer.erasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How far an erasure is: each service that confirmed it (with how many records it deleted or redacted), those that
 * have not yet, and whether it is complete.
 */
record ErasureStatus(UUID customerId, Instant requestedAt, List<Confirmation> confirmed, List<String> pending,
                     boolean complete) {

    static ErasureStatus of(UUID customerId, Instant requestedAt, List<Confirmation> confirmed, List<String> services) {
        List<String> pending = services.stream()
                .filter(service -> confirmed.stream().noneMatch(confirmation -> confirmation.service().equals(service)))
                .toList();
        return new ErasureStatus(customerId, requestedAt, confirmed, pending, pending.isEmpty());
    }

    record Confirmation(String service, int erased, Instant confirmedAt) {
    }
}
