package io.clientele.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class SiteTokenValidationTest {

    private final SiteSecurityProperties configured =
            new SiteSecurityProperties(null, "x".repeat(32), false, "https://id.example.test", "clientele", List.of(), List.of(), List.of());

    @Test
    void theConfiguredIssuerAndAudienceAreRequired() {
        assertThat(SiteTokenValidation.of(configured).validate(token("https://id.example.test", "clientele")).hasErrors())
                .isFalse();
        assertThat(SiteTokenValidation.of(configured).validate(token("https://other.example.test", "clientele")).hasErrors())
                .isTrue();
        assertThat(SiteTokenValidation.of(configured).validate(token("https://id.example.test", "another-api")).hasErrors())
                .isTrue();
    }

    @Test
    void withoutConfigurationAnyIssuerIsTakenButNeverATokenWithoutExpiry() {
        SiteSecurityProperties local = new SiteSecurityProperties(null, "x".repeat(32), false, null, null, List.of(), List.of(), List.of());
        assertThat(SiteTokenValidation.of(local).validate(token("anyone", "anything")).hasErrors()).isFalse();
        Jwt forEver = Jwt.withTokenValue("t").header("alg", "HS256").claim("site", "acme").issuedAt(Instant.now()).build();
        assertThat(SiteTokenValidation.of(local).validate(forEver).hasErrors()).isTrue();
    }

    private static Jwt token(String issuer, String audience) {
        return Jwt.withTokenValue("t").header("alg", "HS256").claim("site", "acme").issuer(issuer)
                .audience(List.of(audience)).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build();
    }
}
