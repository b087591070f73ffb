package io.clientele.access;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionSecret      the HS256 secret that signs customers' session tokens (at least 32 characters; not the
 *                           admin tokens' secret)
 * @param sessionValidity    how long a session token is valid
 * @param invitationValidity how long an invitation link is valid
 * @param resetValidity      how long a password reset link is valid
 * @param accountAttempts    failed log-ins on one account within the window before it is blocked
 * @param addressAttempts    failed log-ins from one client address within the window before it is blocked
 * @param attemptWindow      the window failed log-ins are counted in, and how long a block lasts
 * @param countryHeaders     request headers the edge puts the client's country in, first found wins
 * @param replicaRefresh     how often each instance's in-memory copies of pages and revoked sessions are refreshed
 */
@ConfigurationProperties("clientele.access")
public record AccessProperties(String sessionSecret,
                               @DefaultValue("8h") Duration sessionValidity,
                               @DefaultValue("7d") Duration invitationValidity,
                               @DefaultValue("24h") Duration resetValidity,
                               @DefaultValue("5") int accountAttempts,
                               @DefaultValue("20") int addressAttempts,
                               @DefaultValue("15m") Duration attemptWindow,
                               @DefaultValue({"CF-IPCountry", "CloudFront-Viewer-Country", "X-Country-Code"})
                               List<String> countryHeaders,
                               @DefaultValue("1s") Duration replicaRefresh) {

    public AccessProperties {
        if (sessionSecret == null || sessionSecret.length() < 32) {
            throw new IllegalArgumentException("clientele.access.session-secret needs at least 32 characters");
        }
    }
}
