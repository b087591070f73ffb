package io.clientele.imports.customer;

import io.clientele.platform.personaldata.PersonalDataReport;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What import-service holds about a customer, for their personal data report: the rows of the site's imports that
 * became the customer, with the file's headers and the cells as uploaded.
 */
@RestController
class PersonalDataController {

    private static final PersonalDataReport REPORT = new PersonalDataReport()
            .section("importedRows", """
                    SELECT i.id AS import_id, i.file_name, i.created_at, r.row_number, i.headers, r.cells, r.status
                    FROM import_rows r JOIN imports i ON i.id = r.import_id
                    WHERE i.site_id = :siteId AND r.customer_id = :customerId ORDER BY i.created_at, r.row_number""");

    private final DatabaseClient db;

    PersonalDataController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping("/api/v1/sites/{siteId}/customers/{customerId}/personal-data")
    Mono<Map<String, Object>> report(@PathVariable String siteId, @PathVariable UUID customerId) {
        return REPORT.of(db, siteId, customerId);
    }
}
