package io.clientele.customer.timeline;

import java.time.Instant;
import java.util.Map;

/** One thing that happened to a customer, as the timeline API shows it. */
public record TimelineEntry(long id, String type, String channel, Map<String, Object> details, Instant occurredAt) {
}
