package io.clientele.notification.customer;

import io.clientele.platform.personaldata.PersonalDataReport;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What notification-service holds about a customer, for their personal data report: the contact and the e-mails sent to them. */
@RestController
class PersonalDataController {

    private static final PersonalDataReport REPORT = new PersonalDataReport()
            .section("contact", """
                    SELECT email, sms_number, locale, content_type, marketing_opt_in, as_of
                    FROM customers WHERE site_id = :siteId AND customer_id = :customerId""")
            .section("emails", """
                    SELECT id, template, recipient, subject, channel, status, created_at, sent_at, opened_at
                    FROM outgoing_mail WHERE site_id = :siteId AND audience = 'CUSTOMER' AND customer_id = :customerId
                    ORDER BY created_at""");

    private final DatabaseClient db;

    PersonalDataController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping("/api/v1/sites/{siteId}/customers/{customerId}/personal-data")
    Mono<Map<String, Object>> report(@PathVariable String siteId, @PathVariable UUID customerId) {
        return REPORT.of(db, siteId, customerId.toString());
    }
}
