package io.clientele.access.session;

import io.clientele.access.customer.CustomerDirectory;
import io.clientele.access.customer.KnownCustomer;
import io.clientele.platform.web.ProblemException;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * An app's session, renewed without the password, and ended. Renewal uses the refresh token once and answers a new
 * session with the next refresh token of the same family, carrying the customer's groups as they are now; log-out
 * ends the customer's sessions and refresh tokens (on every device: a session token is not kept anywhere, so ending
 * one ends all of the customer's).
 */
@Service
class SessionRenewal {

    private final RefreshTokens refreshTokens;
    private final SessionTokens sessions;
    private final SessionRevocations revocations;
    private final CustomerDirectory customers;
    private final TransactionalOperator tx;
    private final Clock clock;

    SessionRenewal(RefreshTokens refreshTokens, SessionTokens sessions, SessionRevocations revocations,
                   CustomerDirectory customers, TransactionalOperator tx, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.revocations = revocations;
        this.customers = customers;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<IssuedSession> renew(String siteId, String refreshToken) {
        return tx.transactional(refreshTokens.use(siteId, refreshToken)
                        .flatMap(used -> customers.find(siteId, used.customerId())
                                .filter(KnownCustomer::accountActive)
                                .flatMap(customer -> refreshTokens.issue(siteId, customer.customerId(), used.familyId())
                                        .map(next -> sessions.issue(customer).withRefresh(next)))))
                .switchIfEmpty(refreshTokens.endFamilyIfUsed(refreshToken).then(Mono.error(SessionRenewal::notValid)));
    }

    Mono<Void> logOut(Session session) {
        var now = clock.instant();
        return tx.transactional(revocations.revoke(session.siteId(), session.customerId(), false, now))
                .doOnSuccess(done -> revocations.appliedHere(session.customerId(), now));
    }

    private static ProblemException notValid() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "refresh-token-not-valid", "Refresh token not valid",
                "This refresh token was used, ended by a log-out or a password change, or expired. Log in again.");
    }
}
