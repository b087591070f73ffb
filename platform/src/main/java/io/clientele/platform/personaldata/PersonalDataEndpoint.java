package io.clientele.platform.personaldata;

import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Mono;

/**
 * A service's part of a customer's personal data report, at the path customer-service asks every service: a
 * subclass annotated {@code @RestController} says which of its tables hold what.
 */
public abstract class PersonalDataEndpoint {

    private final DatabaseClient db;
    private final PersonalDataReport report;

    protected PersonalDataEndpoint(DatabaseClient db, PersonalDataReport report) {
        this.db = db;
        this.report = report;
    }

    @GetMapping("/api/v1/sites/{siteId}/customers/{customerId}/personal-data")
    public Mono<Map<String, Object>> report(@PathVariable String siteId, @PathVariable UUID customerId) {
        return report.of(db, siteId, customerId);
    }
}
