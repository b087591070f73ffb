package io.clientele.customer.consent;

import io.clientele.platform.security.SiteGrant;
import java.util.LinkedHashMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import io.clientele.customer.customer.CustomerStore;
import io.clientele.platform.web.ProblemException;
import java.util.Map;
import java.util.Set;
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

    static final Set<String> SOURCES = Set.of("manual", "signup-form", "newsletter", "import");

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
        if (change.optedIn() == null) {
            return Mono.error(ProblemException.invalidField("optedIn", "is required (true or false)"));
        }
        String source = change.source() == null ? "manual" : change.source();
        if (!SOURCES.contains(source)) {
            return Mono.error(ProblemException.invalidField("source", "must be one of " + new java.util.TreeSet<>(SOURCES)));
        }
        Map<String, Object> evidence = new LinkedHashMap<>(change.evidence() == null ? Map.of() : change.evidence());
        evidence.put("recordedBy", SiteGrant.actor(token));
        return changes.record(siteId, customerId, change.optedIn(), source, ConsentEntry.json(evidence));
    }

    /**
     * @param evidence how the consent was given (a form's address, a document, a ticket), kept as given with who
     *                 recorded it ({@code recordedBy}, the signed-in collaborator)
     */
    record ConsentChange(Boolean optedIn, String source, Map<String, Object> evidence) {
    }
}
