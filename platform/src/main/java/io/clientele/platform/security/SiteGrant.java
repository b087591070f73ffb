package io.clientele.platform.security;

import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What an admin token lets its bearer do on one site, and who the bearer is. A token names its sites in one of two
 * ways: {@code site} and {@code role} for one site (the tokens {@link SiteTokens} issues), or {@code sites}, an
 * object of site to role, for a collaborator of several sites (the tokens of the identity provider the console
 * signs in with).
 */
public final class SiteGrant {

    public static final String SITES_CLAIM = "sites";
    private static final String UNKNOWN = "unknown";

    private SiteGrant() {
    }

    public static Optional<SiteRole> roleOn(Jwt token, String siteId) {
        if (siteId == null) {
            return Optional.empty();
        }
        if (token.getClaim(SITES_CLAIM) instanceof Map<?, ?> sites) {
            return sites.get(siteId) instanceof String role ? SiteRole.ofClaim(role) : Optional.empty();
        }
        if (!siteId.equals(token.getClaimAsString(SiteTokens.SITE_CLAIM))) {
            return Optional.empty();
        }
        return SiteRole.ofClaim(token.getClaimAsString(SiteTokens.ROLE_CLAIM));
    }

    /** Who acts with this token, as what they did is recorded (a note's author, who decided a request). */
    public static String actor(Jwt token) {
        return token.getSubject() == null || token.getSubject().isBlank() ? UNKNOWN : token.getSubject();
    }
}
