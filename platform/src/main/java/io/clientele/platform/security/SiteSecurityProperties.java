package io.clientele.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwkSetUri   where production tokens' keys are published; when set, the HMAC secret is not used
 * @param hmacSecret  the shared HS256 secret that signs and checks tokens locally (at least 32 bytes)
 * @param hmacAlongsideJwkSet whether tokens signed with the HMAC secret are taken besides the identity provider's
 *                    when a JWK set is configured: the local stack's are, for {@code ./clientele token}; never set
 *                    it in production, where the secret is the public development default
 * @param issuer      when set, admin tokens must name it in {@code iss}
 * @param audience    when set, admin tokens must name it in {@code aud}
 * @param publicPaths endpoints that need no token, as {@code METHOD /path/pattern} (for example
 *                    {@code POST /api/v1/sites/{siteId}/signups})
 * @param ownerPaths  admin endpoints only a site's owner may call (site settings, erasure, bulk deletion), written
 *                    the same way, optionally with one query parameter and its value ({@code ...?erase=true})
 * @param readPaths   admin endpoints that change nothing though they are not GETs (a search with a body): a viewer
 *                    may call them
 */
@ConfigurationProperties("clientele.security")
public record SiteSecurityProperties(String jwkSetUri, String hmacSecret, boolean hmacAlongsideJwkSet, String issuer, String audience,
                                     @DefaultValue List<String> publicPaths, @DefaultValue List<String> ownerPaths,
                                     @DefaultValue List<String> readPaths) {
}
