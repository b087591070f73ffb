package io.clientele.imports.customer;

import io.clientele.platform.personaldata.PersonalDataEndpoint;
import io.clientele.platform.personaldata.PersonalDataReport;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.RestController;

/**
 * What import-service holds about a customer, for their personal data report: the rows of the site's imports that
 * became the customer, with the file's headers and the cells as uploaded.
 */
@RestController
class PersonalDataController extends PersonalDataEndpoint {

    PersonalDataController(DatabaseClient db) {
        super(db, new PersonalDataReport()
                .section("importedRows", """
                        SELECT i.id AS import_id, i.file_name, i.created_at, r.row_number, i.headers, r.cells, r.status
                        FROM import_rows r JOIN imports i ON i.id = r.import_id
                        WHERE i.site_id = :siteId AND r.customer_id = :customerId ORDER BY i.created_at, r.row_number"""));
    }
}
