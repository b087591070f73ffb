package io.clientele.customer.site;

import java.util.List;

import java.time.Instant;

/** A site's global data, as the API shows it. */
public record Site(String siteId, String name, String ownerEmail, String locale, String senderName, String senderEmail,
                   boolean requireNames, boolean eraseOnDelete, boolean singleOptIn, boolean ownerMailDigest,
                   List<String> allowedOrigins, Instant updatedAt) {
}
