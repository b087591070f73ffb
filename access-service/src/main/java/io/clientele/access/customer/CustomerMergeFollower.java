package io.clientele.access.customer;

import io.clientele.access.session.SessionRevocations;
import io.clientele.events.CustomerMerged;
import io.clientele.platform.sql.Statements;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * After a merge, what access-service kept under the merged customer belongs to the survivor: access requests (a pending
 * one for a page the survivor already waits for is dropped), the password unless the survivor has one, and open links.
 * The merged customer's sessions end, and its directory entry goes; the survivor's follows its CustomerUpdated.
 */
@Component
class CustomerMergeFollower {

    private static final List<String> MOVES = List.of("""
            DELETE FROM access_requests m WHERE m.site_id = :siteId AND m.customer_id = :merged AND m.status = 'PENDING'
              AND EXISTS (SELECT 1 FROM access_requests s WHERE s.site_id = m.site_id AND s.customer_id = :survivor
                          AND s.page_id = m.page_id AND s.status = 'PENDING')""",
            "UPDATE access_requests SET customer_id = :survivor WHERE site_id = :siteId AND customer_id = :merged",
            """
            UPDATE credentials SET customer_id = :survivor WHERE site_id = :siteId AND customer_id = :merged
              AND NOT EXISTS (SELECT 1 FROM credentials WHERE customer_id = :survivor)""",
            "DELETE FROM credentials WHERE site_id = :siteId AND customer_id = :merged",
            "UPDATE link_tokens SET customer_id = :survivor WHERE site_id = :siteId AND customer_id = :merged",
            "DELETE FROM customers WHERE site_id = :siteId AND customer_id = :merged");

    private final DatabaseClient db;
    private final SessionRevocations revocations;
    private final Clock clock;

    CustomerMergeFollower(DatabaseClient db, SessionRevocations revocations, Clock clock) {
        this.db = db;
        this.revocations = revocations;
        this.clock = clock;
    }

    Mono<Void> merged(CustomerMerged merged) {
        UUID survivor = UUID.fromString(merged.getCustomerId());
        UUID mergedId = UUID.fromString(merged.getMergedCustomerId());
        return Statements.run(db, MOVES, Map.of("siteId", merged.getSiteId(), "merged", mergedId, "survivor", survivor))
                .then(revocations.revoke(merged.getSiteId(), mergedId, true, clock.instant()));
    }
}
