package io.clientele.notification.delivery;

import io.clientele.platform.web.PageLimits;
import io.clientele.platform.web.ProblemException;
import java.time.Instant;
import java.util.Set;

/** Which part of the delivery log to list: by status, template, recipient and creation time. */
record DeliveryFilter(String status, String template, String recipient, Instant from, Instant to, int limit, int offset) {

    private static final Set<String> STATUSES = Set.of("QUEUED", "SENT", "FAILED", "SUPPRESSED");

    DeliveryFilter {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalidField("status", "must be one of QUEUED, SENT, FAILED, SUPPRESSED");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        if (offset < 0) {
            throw ProblemException.invalidField("offset", "must not be negative");
        }
        PageLimits.checked(limit);
    }
}
