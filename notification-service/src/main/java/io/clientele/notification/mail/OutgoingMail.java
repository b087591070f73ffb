package io.clientele.notification.mail;

import java.util.Map;
import java.util.UUID;

/** A queued mail: which kind, for whom, with what values, and how many tries so far. */
record OutgoingMail(UUID id, String siteId, MailKind kind, String customerId, Map<String, Object> params, int attempts) {

    public enum Audience { SITE_OWNER, CUSTOMER }
}
