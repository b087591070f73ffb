package io.clientele.notification.mail;

import java.util.Map;
import java.util.UUID;

/** A queued mail: which template, for whom, with what values, and how many tries so far. */
record OutgoingMail(UUID id, String siteId, String template, Audience audience, Map<String, Object> params, int attempts) {

    enum Audience { SITE_OWNER, CUSTOMER }
}
