package io.clientele.access;

import io.clientele.platform.limit.RateLimit;
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
 * @param resetMailInterval  a customer with a reset link sent within this interval is sent no other
 * @param resetRound         how often waiting password reset requests are answered
 * @param accountAttempts    log-in attempts on one account from one client address within the window before that
 *                           address is blocked for that account
 * @param addressAttempts    log-in attempts from one client address within the window before it is blocked
 * @param accountAttemptsAllAddresses log-in attempts on one account from all addresses within the window before the
 *                           account is blocked everywhere (a password reset lifts it)
 * @param attemptWindow      the window failed log-ins are counted in, and how long a block lasts
 * @param resetsPerAddress   password reset requests from one client address, as COUNT/PERIOD
 * @param passwordsPerAddress passwords set through links from one client address, as COUNT/PERIOD
 * @param countryHeaders     request headers the edge puts the client's country in, first found wins
 * @param replicaRefresh     how often each instance's in-memory copies of pages and revoked sessions are refreshed
 * @param refreshValidity    how long an app may renew its session with a refresh token without the password
 * @param refreshesPerAddress session renewals from one client address, as COUNT/PERIOD
 */
@ConfigurationProperties("clientele.access")
public record AccessProperties(String sessionSecret,
                               @DefaultValue("8h") Duration sessionValidity,
                               @DefaultValue("7d") Duration invitationValidity,
                               @DefaultValue("24h") Duration resetValidity,
                               @DefaultValue("5m") Duration resetMailInterval,
                               @DefaultValue("200ms") Duration resetRound,
                               @DefaultValue("5") int accountAttempts,
                               @DefaultValue("20") int addressAttempts,
                               @DefaultValue("50") int accountAttemptsAllAddresses,
                               @DefaultValue("15m") Duration attemptWindow,
                               @DefaultValue("10/10m") RateLimit resetsPerAddress,
                               @DefaultValue("20/10m") RateLimit passwordsPerAddress,
                               @DefaultValue({"CF-IPCountry", "CloudFront-Viewer-Country", "X-Country-Code"})
                               List<String> countryHeaders,
                               @DefaultValue("1s") Duration replicaRefresh,
                               @DefaultValue("30d") Duration refreshValidity,
                               @DefaultValue("120/10m") RateLimit refreshesPerAddress) {

    public AccessProperties {
        if (sessionSecret == null || sessionSecret.length() < 32) {
            throw new IllegalArgumentException("clientele.access.session-secret needs at least 32 characters");
        }
    }
}
