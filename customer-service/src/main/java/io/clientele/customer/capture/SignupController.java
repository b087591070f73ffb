package io.clientele.customer.capture;

import io.clientele.platform.email.EmailAddresses;
import io.clientele.customer.site.SiteRepository;
import io.clientele.events.SignupCaptured;
import io.clientele.events.SignupChannel;
import io.clientele.platform.limit.RateLimiter;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.web.ClientAddresses;
import io.clientele.platform.web.ProblemException;
import io.clientele.schemas.Topics;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The public capture endpoint: a sign-up is accepted (202) once its SignupCaptured event is safely recorded;
 * customer-service itself turns it into a customer a moment later. Sign-ups are limited per client address and per
 * site (429 with Retry-After, nothing written).
 */
@RestController
@EnableConfigurationProperties(CaptureLimits.class)
class SignupController {

    private final SiteRepository sites;
    private final ClientAddresses clientAddresses;
    private final RateLimiter limiter;
    private final CaptureLimits limits;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    SignupController(SiteRepository sites, ClientAddresses clientAddresses, RateLimiter limiter, CaptureLimits limits,
                     Outbox outbox, TransactionalOperator tx) {
        this.sites = sites;
        this.clientAddresses = clientAddresses;
        this.limiter = limiter;
        this.limits = limits;
        this.outbox = outbox;
        this.tx = tx;
    }

    @PostMapping("/api/v1/sites/{siteId}/signups")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<SignupAccepted> capture(@PathVariable String siteId, @Valid @RequestBody SignupRequest signup,
                                 ServerHttpRequest request) {
        SignupChannel channel = SignupChannel.valueOf(signup.channel());
        if (channel == SignupChannel.ACCESS_REQUEST && (signup.pageId() == null || signup.pageId().isBlank())) {
            return Mono.error(ProblemException.invalidField("pageId", "is required for an access request"));
        }
        SignupCaptured event = SignupCaptured.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setEmail(signup.email())
                .setFirstName(trimmed(signup.firstName()))
                .setLastName(trimmed(signup.lastName()))
                .setChannel(channel)
                .setPageId(trimmed(signup.pageId()))
                .setOptIn(Boolean.TRUE.equals(signup.optIn()))
                .setLocale(signup.locale())
                .setClientAddress(clientAddresses.of(request))
                .build();
        String key = siteId + ":" + EmailAddresses.normalize(signup.email());
        return sites.exists(siteId)
                .flatMap(exists -> exists
                        ? limiter.consume("signups-per-address", event.getClientAddress(), limits.signupsPerAddress(),
                                        "sign-ups from this address")
                                .then(limiter.consume("signups-per-site", siteId, limits.signupsPerSite(), "sign-ups on this site"))
                                .then(tx.transactional(outbox.add(Topics.CUSTOMER_SIGNUPS, "signup", key, event)))
                        : Mono.error(ProblemException.notFound("site", siteId)))
                .thenReturn(new SignupAccepted(event.getEventId()));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
