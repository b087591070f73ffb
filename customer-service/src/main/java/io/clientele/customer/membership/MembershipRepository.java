package io.clientele.customer.membership;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class MembershipRepository {

    private final DatabaseClient db;

    MembershipRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The customer with its groups, locked until the transaction ends so that two changes apply one after the other. */
    Mono<Membership> lock(String siteId, UUID customerId) {
        return db.sql("""
                        SELECT c.id, c.site_id, c.email, c.first_name, c.last_name, c.locale, c.account_active,
                               coalesce(array_agg(g.group_name ORDER BY g.group_name) FILTER (WHERE g.group_name IS NOT NULL),
                                        '{}') AS groups
                        FROM (SELECT * FROM customers WHERE site_id = :siteId AND id = :id FOR UPDATE) c
                        LEFT JOIN customer_groups g ON g.customer_id = c.id
                        GROUP BY c.id, c.site_id, c.email, c.first_name, c.last_name, c.locale, c.account_active""")
                .bind("siteId", siteId).bind("id", customerId)
                .map(row -> new Membership(row.get("id", UUID.class), row.get("site_id", String.class),
                        row.get("email", String.class), row.get("first_name", String.class),
                        row.get("last_name", String.class), row.get("locale", String.class),
                        Boolean.TRUE.equals(row.get("account_active", Boolean.class)),
                        List.of(row.get("groups", String[].class))))
                .one();
    }

    Mono<Void> addGroups(String siteId, UUID customerId, Collection<String> groups) {
        if (groups.isEmpty()) {
            return Mono.empty();
        }
        String[] names = groups.toArray(String[]::new);
        return db.sql("INSERT INTO groups (site_id, name) SELECT :siteId, unnest(CAST(:groups AS text[])) ON CONFLICT DO NOTHING")
                .bind("siteId", siteId).bind("groups", names).then()
                .then(db.sql("""
                                INSERT INTO customer_groups (customer_id, site_id, group_name)
                                SELECT :id, :siteId, unnest(CAST(:groups AS text[])) ON CONFLICT DO NOTHING""")
                        .bind("id", customerId).bind("siteId", siteId).bind("groups", names).then());
    }

    Mono<Void> removeGroups(UUID customerId, Collection<String> groups) {
        return groups.isEmpty() ? Mono.empty()
                : db.sql("DELETE FROM customer_groups WHERE customer_id = :id AND group_name = ANY(:groups)")
                        .bind("id", customerId).bind("groups", groups.toArray(String[]::new)).then();
    }

    Mono<Void> setAccountActive(UUID customerId, boolean active) {
        return db.sql("UPDATE customers SET account_active = :active WHERE id = :id")
                .bind("active", active).bind("id", customerId).then();
    }
}
