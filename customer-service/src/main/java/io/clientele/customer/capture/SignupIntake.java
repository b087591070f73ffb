package io.clientele.customer.capture;

import io.clientele.customer.site.SiteRepository;
import io.clientele.events.SignupCaptured;
import io.clientele.platform.email.EmailAddresses;
import io.clientele.platform.limit.RateLimiter;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Takes in a sign-up from a site's form: the site must exist and the address and site stay within their limits;
 * then the sign-up is on its way ({@code customer.signups}, keyed by site and address so that one visitor's
 * sign-ups stay in order) and becomes a customer when it is captured.
 */
@Service
class SignupIntake {

    private final SiteRepository sites;
    private final RateLimiter limiter;
    private final CaptureLimits limits;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    SignupIntake(SiteRepository sites, RateLimiter limiter, CaptureLimits limits, Outbox outbox, TransactionalOperator tx) {
        this.sites = sites;
        this.limiter = limiter;
        this.limits = limits;
        this.outbox = outbox;
        this.tx = tx;
    }

    Mono<Void> accept(SignupCaptured signup) {
        String siteId = signup.getSiteId();
        String key = siteId + ":" + EmailAddresses.normalize(signup.getEmail());
        return sites.exists(siteId)
                .flatMap(exists -> exists
                        ? limiter.consume("signups-per-address", signup.getClientAddress(), limits.signupsPerAddress(),
                                        "sign-ups from this address")
                                .then(limiter.consume("signups-per-site", siteId, limits.signupsPerSite(), "sign-ups on this site"))
                                .then(tx.transactional(outbox.add(Topics.CUSTOMER_SIGNUPS, "signup", key, signup)))
                        : Mono.error(ProblemException.notFound("site", siteId)));
    }
}
