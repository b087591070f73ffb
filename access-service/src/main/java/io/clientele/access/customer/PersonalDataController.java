package io.clientele.access.customer;

import io.clientele.platform.personaldata.PersonalDataEndpoint;
import io.clientele.platform.personaldata.PersonalDataReport;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.RestController;

/**
 * What access-service holds about a customer, for their personal data report: the directory entry, access requests,
 * whether they have a password, and the links sent to them (never a hash). Log-ins are on customer-service's
 * timeline.
 */
@RestController
class PersonalDataController extends PersonalDataEndpoint {

    PersonalDataController(DatabaseClient db) {
        super(db, new PersonalDataReport()
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
                        FROM link_tokens WHERE site_id = :siteId AND customer_id = :customerId ORDER BY issued_at"""));
    }
}
