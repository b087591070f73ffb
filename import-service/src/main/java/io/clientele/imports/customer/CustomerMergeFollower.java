package io.clientele.imports.customer;

import io.clientele.events.CustomerMerged;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Rows that became a merged customer now name the survivor. */
@Component
class CustomerMergeFollower {

    private final DatabaseClient db;

    CustomerMergeFollower(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> merged(CustomerMerged merged) {
        return db.sql("""
                        UPDATE import_rows r SET customer_id = :survivor FROM imports i
                        WHERE i.id = r.import_id AND i.site_id = :siteId AND r.customer_id = :merged""")
                .bind("siteId", merged.getSiteId()).bind("survivor", UUID.fromString(merged.getCustomerId()))
                .bind("merged", UUID.fromString(merged.getMergedCustomerId()))
                .then();
    }
}
