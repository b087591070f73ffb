package io.clientele.notification.customer;

import io.clientele.events.CustomerMerged;
import io.clientele.platform.sql.Statements;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A merged customer's mails become the survivor's; its contact goes (the survivor's follows its own events). */
@Component
class CustomerMergeFollower {

    private final DatabaseClient db;

    CustomerMergeFollower(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> merged(CustomerMerged merged) {
        return Statements.run(db, List.of(
                        "UPDATE outgoing_mail SET customer_id = :survivor WHERE site_id = :siteId AND customer_id = :merged",
                        "DELETE FROM customers WHERE site_id = :siteId AND customer_id = :merged"),
                Map.of("siteId", merged.getSiteId(), "survivor", merged.getCustomerId(), "merged", merged.getMergedCustomerId()))
                .then();
    }
}
