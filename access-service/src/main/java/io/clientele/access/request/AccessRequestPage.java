package io.clientele.access.request;

import java.util.List;

/**
 * One page of access requests, newest first.
 *
 * @param next the cursor of the next (older) page, to send as {@code before}, or null on the last one
 */
public record AccessRequestPage(List<AccessRequest> items, int limit, String next) {
}
