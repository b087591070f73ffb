package io.clientele.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What an admin token must hold beyond a valid signature: an expiry that has not passed (a token without {@code exp}
 * would be valid for ever, so it is refused), and the configured issuer and audience when there are.
 */
final class SiteTokenValidation {

    private SiteTokenValidation() {
    }

    static OAuth2TokenValidator<Jwt> of(SiteSecurityProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        validators.add(new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull));
        if (present(properties.issuer())) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        if (present(properties.audience())) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.contains(properties.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
