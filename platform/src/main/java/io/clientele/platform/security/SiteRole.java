package io.clientele.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a collaborator may do on a site, as the {@code role} claim of their admin token says: a viewer reads, an
 * editor changes customers and their data, and only an owner changes the site's settings, erases and deletes in bulk.
 */
public enum SiteRole {
    OWNER, EDITOR, VIEWER;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SiteRole> ofClaim(String claim) {
        return Arrays.stream(values()).filter(role -> role.claim().equals(claim)).findFirst();
    }
}
