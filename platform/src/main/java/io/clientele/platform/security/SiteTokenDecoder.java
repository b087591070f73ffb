package io.clientele.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks admin tokens: those of the identity provider against the keys it publishes (production), or those signed
 * with the shared HMAC secret (local development and tests). The local stack takes both, the console's and
 * {@code ./clientele token}'s: each token goes to the check its algorithm names.
 */
final class SiteTokenDecoder {

    private SiteTokenDecoder() {
    }

    static ReactiveJwtDecoder of(SiteSecurityProperties properties) {
        boolean published = properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank();
        if (published && !properties.hmacAlongsideJwkSet()) {
            return checked(NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build(), properties);
        }
        if (properties.hmacSecret() == null || properties.hmacSecret().length() < 32) {
            throw new IllegalStateException(
                    "Set clientele.security.jwk-set-uri, or clientele.security.hmac-secret to at least 32 characters");
        }
        SecretKeySpec key = new SecretKeySpec(properties.hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        ReactiveJwtDecoder shared = checked(NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build(),
                properties);
        if (!published) {
            return shared;
        }
        ReactiveJwtDecoder provider = checked(NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build(), properties);
        return token -> {
            try {
                boolean hmac = JWSAlgorithm.Family.HMAC_SHA.contains(JWTParser.parse(token).getHeader().getAlgorithm());
                return hmac ? shared.decode(token) : provider.decode(token);
            } catch (ParseException e) {
                return Mono.error(new BadJwtException("Not a JWT: " + e.getMessage(), e));
            }
        };
    }

    private static ReactiveJwtDecoder checked(NimbusReactiveJwtDecoder decoder, SiteSecurityProperties properties) {
        decoder.setJwtValidator(SiteTokenValidation.of(properties));
        return decoder;
    }
}
