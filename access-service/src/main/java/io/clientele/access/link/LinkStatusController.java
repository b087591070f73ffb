package io.clientele.access.link;

import io.clientele.access.AccessProperties;
import io.clientele.platform.limit.RateLimiter;
import io.clientele.platform.web.ClientAddresses;
import io.clientele.platform.web.TokenInput;
import java.time.Clock;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public: whether a mailed link is still good, without using it, so that its page says at once that a used or
 * expired link is over instead of after the visitor typed a password. Tokens are 256 random bits: the answer helps
 * no guessing, and it is limited per client address all the same.
 */
@RestController
class LinkStatusController {

    private final LinkTokens links;
    private final ClientAddresses clientAddresses;
    private final RateLimiter limiter;
    private final AccessProperties properties;
    private final Clock clock;

    LinkStatusController(LinkTokens links, ClientAddresses clientAddresses, RateLimiter limiter, AccessProperties properties,
                         Clock clock) {
        this.links = links;
        this.clientAddresses = clientAddresses;
        this.limiter = limiter;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/api/v1/sites/{siteId}/links/status")
    Mono<LinkStatus> status(@PathVariable String siteId, @RequestBody LinkToken body, ServerHttpRequest request) {
        return TokenInput.check("token", body.token())
                .then(Mono.defer(() -> limiter.consume("link-checks-per-address", clientAddresses.of(request),
                        properties.passwordsPerAddress(), "link checks from this address")))
                .then(Mono.defer(() -> links.holder(siteId, body.token(), clock.instant())))
                .map(holder -> new LinkStatus(true, holder.purpose()))
                .defaultIfEmpty(new LinkStatus(false, null));
    }

    record LinkToken(String token) {
    }

    record LinkStatus(boolean valid, LinkPurpose purpose) {
    }
}
