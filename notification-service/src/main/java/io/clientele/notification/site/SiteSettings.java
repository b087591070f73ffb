package io.clientele.notification.site;

/** A site as notification-service knows it: who owns it and how its e-mails are signed. */
public record SiteSettings(String siteId, String name, String ownerEmail, String locale, String senderName,
                           String senderEmail) {
}
