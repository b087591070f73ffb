package io.clientele.notification.customer;

import io.clientele.platform.personaldata.PersonalDataEndpoint;
import io.clientele.platform.personaldata.PersonalDataReport;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.RestController;

/** What notification-service holds about a customer, for their personal data report: the contact and the e-mails sent to them. */
@RestController
class PersonalDataController extends PersonalDataEndpoint {

    PersonalDataController(DatabaseClient db) {
        super(db, new PersonalDataReport()
                .section("contact", """
                        SELECT email, sms_number, locale, content_type, marketing_opt_in, as_of
                        FROM customers WHERE site_id = :siteId AND customer_id = CAST(:customerId AS text)""")
                .section("emails", """
                        SELECT id, template, recipient, subject, channel, status, created_at, sent_at, opened_at
                        FROM outgoing_mail
                        WHERE site_id = :siteId AND audience = 'CUSTOMER' AND customer_id = CAST(:customerId AS text)
                        ORDER BY created_at"""));
    }
}
