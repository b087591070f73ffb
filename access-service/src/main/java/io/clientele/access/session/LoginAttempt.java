package io.clientele.access.session;

import io.clientele.events.LoginPlatform;

/** A log-in as it came: the credentials, and where from. */
record LoginAttempt(String siteId, String email, String password, String clientAddress, LoginPlatform platform,
                    String country) {
}
