package io.clientele.access.request;

import java.util.List;

/** One page of access requests. */
public record AccessRequestPage(List<AccessRequest> items, int limit) {
}
