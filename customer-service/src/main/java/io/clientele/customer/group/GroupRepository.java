package io.clientele.customer.group;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A site's groups; members are kept by name and follow a rename (the foreign key cascades it). */
@Repository
class GroupRepository {

    private final DatabaseClient db;

    GroupRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Every group of the site with how many customers are in it, empty groups included. */
    Flux<GroupSize> all(String siteId) {
        return db.sql("""
                        SELECT n.name, count(g.customer_id) AS members FROM groups n
                        LEFT JOIN customer_groups g ON g.site_id = n.site_id AND g.group_name = n.name
                        WHERE n.site_id = :siteId GROUP BY n.name ORDER BY n.name""")
                .bind("siteId", siteId)
                .map(row -> new GroupSize(row.get("name", String.class), row.get("members", Long.class)))
                .all();
    }

    Mono<GroupSize> find(String siteId, String name) {
        return db.sql("""
                        SELECT n.name, (SELECT count(*) FROM customer_groups g WHERE g.site_id = n.site_id
                                        AND g.group_name = n.name) AS members
                        FROM groups n WHERE n.site_id = :siteId AND n.name = :name""")
                .bind("siteId", siteId).bind("name", name)
                .map(row -> new GroupSize(row.get("name", String.class), row.get("members", Long.class)))
                .one();
    }

    /** Answers whether the group is new. */
    Mono<Boolean> create(String siteId, String name) {
        return createAll(siteId, List.of(name)).hasElements();
    }

    /** Creates those of the groups the site does not have; answers their names. */
    Flux<String> createAll(String siteId, Collection<String> names) {
        return db.sql("""
                        INSERT INTO groups (site_id, name) SELECT :siteId, unnest(CAST(:names AS text[]))
                        ON CONFLICT DO NOTHING RETURNING name""")
                .bind("siteId", siteId).bind("names", names.toArray(String[]::new))
                .map(row -> row.get("name", String.class)).all();
    }

    /** Puts each customer in the group beside it; a customer already in it stays as is. */
    Mono<Void> addMemberships(String siteId, List<UUID> customerIds, List<String> names) {
        return db.sql("""
                        INSERT INTO customer_groups (customer_id, site_id, group_name)
                        SELECT c, :siteId, g FROM unnest(CAST(:ids AS uuid[]), CAST(:names AS text[])) AS x (c, g)
                        ON CONFLICT DO NOTHING""")
                .bind("siteId", siteId).bind("ids", customerIds.toArray(UUID[]::new))
                .bind("names", names.toArray(String[]::new))
                .then();
    }

    Mono<Boolean> rename(String siteId, String name, String newName) {
        return db.sql("UPDATE groups SET name = :newName WHERE site_id = :siteId AND name = :name")
                .bind("siteId", siteId).bind("name", name).bind("newName", newName)
                .fetch().rowsUpdated().map(renamed -> renamed > 0);
    }

    Mono<Boolean> delete(String siteId, String name) {
        return db.sql("DELETE FROM groups WHERE site_id = :siteId AND name = :name")
                .bind("siteId", siteId).bind("name", name).fetch().rowsUpdated().map(deleted -> deleted > 0);
    }

    /** Puts the site's customers among these in the group; answers those who were not in it yet. */
    Flux<UUID> addMembers(String siteId, String name, Collection<UUID> customerIds) {
        return db.sql("""
                        INSERT INTO customer_groups (customer_id, site_id, group_name)
                        SELECT c.id, c.site_id, :name FROM customers c WHERE c.site_id = :siteId AND c.id = ANY(:ids)
                        ON CONFLICT DO NOTHING RETURNING customer_id""")
                .bind("siteId", siteId).bind("name", name).bind("ids", customerIds.toArray(UUID[]::new))
                .map(row -> row.get("customer_id", UUID.class)).all();
    }

    /** Takes these customers out of the group; answers those who were in it. */
    Flux<UUID> removeMembers(String siteId, String name, Collection<UUID> customerIds) {
        return db.sql("""
                        DELETE FROM customer_groups WHERE site_id = :siteId AND group_name = :name AND customer_id = ANY(:ids)
                        RETURNING customer_id""")
                .bind("siteId", siteId).bind("name", name).bind("ids", customerIds.toArray(UUID[]::new))
                .map(row -> row.get("customer_id", UUID.class)).all();
    }
}
