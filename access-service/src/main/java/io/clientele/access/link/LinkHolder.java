package io.clientele.access.link;

import java.util.UUID;

/** Whom a valid link was sent to, and what for. */
public record LinkHolder(UUID customerId, LinkPurpose purpose) {
}
