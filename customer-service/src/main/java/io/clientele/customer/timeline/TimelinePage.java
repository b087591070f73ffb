package io.clientele.customer.timeline;

import java.util.List;

/** @param next the cursor of the next (older) page, or null on the last one */
public record TimelinePage(List<TimelineEntry> entries, String next) {
}
