package io.clientele.customer.personaldata;

import io.clientele.customer.consent.ConsentConfirmations;
import io.clientele.customer.consent.ConsentLedger;
import io.clientele.customer.customer.CustomerStore;
import io.clientele.customer.note.Notes;
import io.clientele.customer.timeline.TimelineReader;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A customer's personal data report: everything the platform holds about them, from every service, as one JSON
 * document. customer-service's part is the record with its notes, the consent ledger and the timeline (captures,
 * consent, edits, access requests and decisions, log-ins, imports, e-mails sent and opened); each other service answers
 * its own part over HTTP with the caller's token. A service that does not answer is named with the error, and the
 * report says it is not complete.
 */
@RestController
@EnableConfigurationProperties(PersonalDataSources.class)
class PersonalDataController {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private final CustomerStore customers;
    private final Notes notes;
    private final ConsentLedger consent;
    private final ConsentConfirmations confirmations;
    private final TimelineReader timeline;
    private final PersonalDataSources sources;
    private final WebClient http = WebClient.create();

    PersonalDataController(CustomerStore customers, Notes notes, ConsentLedger consent,
                           ConsentConfirmations confirmations, TimelineReader timeline, PersonalDataSources sources) {
        this.customers = customers;
        this.notes = notes;
        this.consent = consent;
        this.confirmations = confirmations;
        this.timeline = timeline;
        this.sources = sources;
    }

    @GetMapping("/api/v1/sites/{siteId}/customers/{customerId}/personal-data")
    Mono<Map<String, Object>> report(@PathVariable String siteId, @PathVariable UUID customerId,
                                     @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        String path = "/api/v1/sites/" + siteId + "/customers/" + customerId + "/personal-data";
        return customers.existing(siteId, customerId).flatMap(customer -> Mono.zip(
                notes.of(siteId, customerId).collectList(),
                consent.history(siteId, customerId).collectList(),
                timeline.all(siteId, customerId).collectList(),
                part(sources.accessUrl(), path, authorization),
                part(sources.importUrl(), path, authorization),
                part(sources.notificationUrl(), path, authorization),
                confirmations.of(siteId, customerId).collectList()
        ).map(parts -> {
            Map<String, Object> own = new LinkedHashMap<>();
            own.put("customer", customer.fields());
            own.put("notes", parts.getT1());
            own.put("consent", parts.getT2());
            own.put("consentConfirmations", parts.getT7());
            own.put("timeline", parts.getT3());
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("customerId", customerId);
            report.put("siteId", siteId);
            report.put("generatedAt", Instant.now());
            report.put("customer-service", own);
            report.put("access-service", parts.getT4());
            report.put("import-service", parts.getT5());
            report.put("notification-service", parts.getT6());
            report.put("complete", List.of(parts.getT4(), parts.getT5(), parts.getT6()).stream()
                    .noneMatch(part -> part.containsKey("unavailable")));
            return report;
        }));
    }

    private Mono<Map<String, Object>> part(URI service, String path, String authorization) {
        return http.get().uri(service.resolve(path)).header(HttpHeaders.AUTHORIZATION, authorization)
                .retrieve().bodyToMono(OBJECT)
                .timeout(sources.timeout())
                .onErrorResume(error -> Mono.just(Map.of("unavailable", String.valueOf(error.getMessage()))));
    }
}
