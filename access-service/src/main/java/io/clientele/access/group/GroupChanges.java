package io.clientele.access.group;

import io.clientele.events.GroupChange;
import io.clientele.events.GroupChanged;
import java.time.Clock;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A group renamed or deleted in customer-service: members' groups and pages' allowed groups follow, and the
 * members' sessions end (a session names the groups it was issued with, so the member logs in again). Runs
 * inside the consumer's transaction; the in-memory replicas pick the changes up at their next refresh.
 */
@Service
class GroupChanges {

    private final DatabaseClient db;
    private final Clock clock;

    GroupChanges(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Mono<Void> apply(GroupChanged change) {
        if (change.getChange() == GroupChange.CREATED) {
            return Mono.empty();
        }
        String old = change.getChange() == GroupChange.RENAMED ? change.getPreviousName() : change.getName();
        String groups = change.getChange() == GroupChange.RENAMED ? "array_replace(groups, :old, :new)" : "array_remove(groups, :old)";
        return bind(db.sql("""
                        WITH members AS (
                            UPDATE customers SET groups = %s, updated_at = now()
                            WHERE site_id = :siteId AND :old = ANY(groups) RETURNING customer_id)
                        INSERT INTO session_revocations (customer_id, site_id, not_before, account_inactive)
                        SELECT customer_id, :siteId, :at, false FROM members
                        ON CONFLICT (customer_id) DO UPDATE SET
                            not_before = GREATEST(session_revocations.not_before, excluded.not_before),
                            changed_at = clock_timestamp()""".formatted(groups)), change, old)
                .bind("at", clock.instant())
                .then()
                .then(bind(db.sql("""
                        UPDATE protected_pages SET groups = %s, changed_at = clock_timestamp()
                        WHERE site_id = :siteId AND :old = ANY(groups)""".formatted(groups)), change, old).then());
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec sql, GroupChanged change, String old) {
        DatabaseClient.GenericExecuteSpec bound = sql.bind("siteId", change.getSiteId()).bind("old", old);
        return change.getChange() == GroupChange.RENAMED ? bound.bind("new", change.getName()) : bound;
    }
}
