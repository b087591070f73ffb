package io.clientele.access.customer;

import io.clientele.platform.personaldata.PersonalDataReport;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What access-service holds about a customer, for their personal data report: the directory entry, access requests,
 * whether they have a password, and the links sent to them (never a hash). Log-ins are on customer-service's
 * timeline.
 */
@RestController
class PersonalDataController {

    private static final PersonalDataReport REPORT = new PersonalDataReport()
            .section("contact", """
                    SELECT email, first_name, last_name, locale, account_active, groups, updated_at
                    FROM customers WHERE site_id = :siteId AND customer_id = :customerId""")
            .section("accessRequests", """
                    SELECT id, page_id, email, first_name, last_name, locale, status, groups, rejection_reason,
                           requested_at, decided_at
                    FROM access_requests WHERE site_id = :siteId AND customer_id = :customerId ORDER BY requested_at""")
            .section("password", """
                    SELECT password_set_at, email_verified_at FROM credentials
                    WHERE site_id = :siteId AND customer_id = :customerId""")
            .section("links", """
                    SELECT purpose, issued_at, expires_at, used_at, voided_at
                    FROM link_tokens WHERE site_id = :siteId AND customer_id = :customerId ORDER BY issued_at""");

    private final DatabaseClient db;

    PersonalDataController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping("/api/v1/sites/{siteId}/customers/{customerId}/personal-data")
    Mono<Map<String, Object>> report(@PathVariable String siteId, @PathVariable UUID customerId) {
        return REPORT.of(db, siteId, customerId);
    }
}
