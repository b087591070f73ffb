package io.clientele.gateway.cors;

import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The endpoints a site's own pages and apps call from a visitor's browser: the only ones opened to the site's
 * origins. The admin API is never opened to them.
 */
final class PublicEndpoints {

    private static final String SITE = "/api/v1/sites/{siteId}";
    private static final List<PathPattern> PATTERNS = List.of(
            SITE + "/signups",
            SITE + "/sessions",
            SITE + "/sessions/{*session}",
            SITE + "/password",
            SITE + "/password-resets",
            SITE + "/registrations",
            SITE + "/email-verifications",
            SITE + "/links/status",
            SITE + "/pages/{pageId}/access",
            SITE + "/consent-confirmations",
            SITE + "/subscription",
            SITE + "/subscription/status",
            SITE + "/profile").stream().map(PathPatternParser.defaultInstance::parse).toList();

    private PublicEndpoints() {
    }

    /** The site a public endpoint's path names; empty for any other path. */
    static Optional<String> siteOf(PathContainer path) {
        return PATTERNS.stream()
                .map(pattern -> pattern.matchAndExtract(path))
                .filter(match -> match != null)
                .map(match -> match.getUriVariables().get("siteId"))
                .findFirst();
    }
}
