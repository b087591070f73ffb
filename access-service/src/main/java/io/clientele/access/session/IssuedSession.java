package io.clientele.access.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session token as log-in answers it, with the refresh token an app renews it with once it expires (used once,
 * replaced by the one the renewal answers).
 */
public record IssuedSession(String token, Instant expiresAt, UUID customerId, List<String> groups,
                            String refreshToken, Instant refreshExpiresAt) {

    IssuedSession withRefresh(RefreshTokens.Issued refresh) {
        return new IssuedSession(token, expiresAt, customerId, groups, refresh.token(), refresh.expiresAt());
    }
}
