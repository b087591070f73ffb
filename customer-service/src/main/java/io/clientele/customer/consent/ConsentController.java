package io.clientele.customer.consent;

import io.clientele.platform.security.SiteGrant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import io.clientele.customer.customer.CustomerStore;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A customer's e-mail marketing consent, as the site's admin records it (see ConsentChanges) and reads its history. */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/customers/{customerId}/consent")
class ConsentController {


    private final ConsentLedger ledger;
    private final CustomerStore customers;
    private final ConsentChanges changes;

    ConsentController(ConsentLedger ledger, CustomerStore customers, ConsentChanges changes) {
        this.ledger = ledger;
        this.customers = customers;
        this.changes = changes;
    }

    @GetMapping
    Flux<ConsentEntry> history(@PathVariable String siteId, @PathVariable UUID customerId) {
        return customers.existing(siteId, customerId)
                .thenMany(ledger.history(siteId, customerId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, Object>> record(@PathVariable String siteId, @PathVariable UUID customerId,
                                     @RequestBody ConsentChange change, @AuthenticationPrincipal Jwt token) {
        return changes.byHand(siteId, customerId, change.optedIn(), change.source(), change.evidence(), SiteGrant.actor(token));
    }

    /**
     * @param evidence how the consent was given (a form's address, a document, a ticket), kept as given with who
     *                 recorded it ({@code recordedBy}, the signed-in collaborator)
     */
    record ConsentChange(Boolean optedIn, String source, Map<String, Object> evidence) {
    }
}
