package io.clientele.customer.consent;

import io.clientele.customer.customer.CustomerStore;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.limit.RateLimiter;
import io.clientele.platform.link.UnsubscribeTokens;
import io.clientele.platform.web.ClientAddresses;
import io.clientele.platform.web.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public: the unsubscribe and preferences links of marketing mails. Their token (see UnsubscribeTokens) names the
 * customer; with it the mail's reader sees whether they get marketing mail and turns it off (source
 * {@code unsubscribe}, the one-click of RFC 8058 included) or back on (source {@code preferences}: the link reached
 * the address, which is the proof double opt-in asks for). A token that was not issued here is a 400
 * {@code link-not-valid}; the token travels in the body, never in an address that a log keeps.
 */
@RestController
class SubscriptionController {

    private final UnsubscribeTokens tokens;
    private final CustomerStore customers;
    private final ConsentChanges changes;
    private final ClientAddresses clientAddresses;
    private final RateLimiter limiter;
    private final ConsentProperties properties;

    SubscriptionController(UnsubscribeTokens tokens, CustomerStore customers, ConsentChanges changes,
                           ClientAddresses clientAddresses, RateLimiter limiter, ConsentProperties properties) {
        this.tokens = tokens;
        this.customers = customers;
        this.changes = changes;
        this.clientAddresses = clientAddresses;
        this.limiter = limiter;
        this.properties = properties;
    }

    @PostMapping("/api/v1/sites/{siteId}/subscription/status")
    Mono<Subscription> status(@PathVariable String siteId, @RequestBody SubscriptionChange body, ServerHttpRequest request) {
        return customer(siteId, body, request)
                .flatMap(customerId -> customers.find(siteId, customerId))
                .map(customer -> new Subscription(Boolean.TRUE.equals(customer.fields().get("marketingOptIn"))))
                .defaultIfEmpty(new Subscription(false));
    }

    @PostMapping("/api/v1/sites/{siteId}/subscription")
    Mono<Subscription> change(@PathVariable String siteId, @RequestBody SubscriptionChange body, ServerHttpRequest request) {
        if (body.optedIn() == null) {
            return Mono.error(ProblemException.invalidField("optedIn", "is required (true or false)"));
        }
        String clientAddress = clientAddresses.of(request);
        return customer(siteId, body, request)
                .flatMap(customerId -> customers.find(siteId, customerId)
                        .filter(customer -> !body.optedIn().equals(customer.fields().get("marketingOptIn")))
                        .flatMap(customer -> changes.record(siteId, customerId, body.optedIn(),
                                body.optedIn() ? "preferences" : "unsubscribe", evidence(clientAddress, body.optedIn()))))
                .thenReturn(new Subscription(body.optedIn()));
    }

    private Mono<UUID> customer(String siteId, SubscriptionChange body, ServerHttpRequest request) {
        return limiter.consume("subscription-links-per-address", clientAddresses.of(request),
                        properties.confirmationsPerAddress(), "subscription links from this address")
                .then(Mono.justOrEmpty(tokens.verify(siteId, body.token())))
                .switchIfEmpty(Mono.error(() -> ProblemException.linkNotValid(
                        "This link was not issued by this site, or it was altered. Use the link of a recent e-mail.")));
    }

    private static String evidence(String clientAddress, boolean optedIn) {
        return new JsonDetails()
                .put("link", optedIn ? "preferences link of a marketing e-mail" : "unsubscribe link of a marketing e-mail")
                .put("from", clientAddress)
                .put("at", Instant.now().toString())
                .toString();
    }

    record SubscriptionChange(String token, Boolean optedIn) {
    }

    record Subscription(boolean optedIn) {
    }
}
