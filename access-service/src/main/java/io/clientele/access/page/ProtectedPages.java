package io.clientele.access.page;

import io.clientele.access.AccessProperties;
import io.clientele.access.replica.PolledReplica;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The protected pages of every site and their allowed groups, in the database and in every instance's memory. */
@Component
public class ProtectedPages extends PolledReplica<ProtectedPages.PageKey, List<String>> {

    record PageKey(String siteId, String pageId) {
    }

    private final DatabaseClient db;

    ProtectedPages(DatabaseClient db, AccessProperties properties) {
        super("protected-pages", properties.replicaRefresh());
        this.db = db;
    }

    /** The groups allowed on the page, or null when the page is not protected. */
    public List<String> allowedGroups(String siteId, String pageId) {
        return get(new PageKey(siteId, pageId));
    }

    Flux<ProtectedPage> list(String siteId) {
        return db.sql("SELECT page_id, groups FROM protected_pages WHERE site_id = :siteId AND protected ORDER BY page_id")
                .bind("siteId", siteId)
                .map(row -> new ProtectedPage(row.get("page_id", String.class), List.of(row.get("groups", String[].class))))
                .all();
    }

    /** Protects the page with these groups, or (groups null) stops protecting it. */
    Mono<Void> save(String siteId, String pageId, List<String> groups) {
        return db.sql("""
                        INSERT INTO protected_pages (site_id, page_id, groups, protected)
                        VALUES (:siteId, :pageId, :groups, :protected)
                        ON CONFLICT (site_id, page_id) DO UPDATE SET groups = excluded.groups,
                            protected = excluded.protected, changed_at = clock_timestamp()""")
                .bind("siteId", siteId).bind("pageId", pageId)
                .bind("groups", groups == null ? new String[0] : groups.toArray(String[]::new))
                .bind("protected", groups != null)
                .then()
                .doOnSuccess(done -> apply(new PageKey(siteId, pageId), groups));
    }

    @Override
    protected Flux<Change<PageKey, List<String>>> changedSince(Instant since) {
        return db.sql("SELECT site_id, page_id, groups, protected, changed_at FROM protected_pages WHERE changed_at > :since")
                .bind("since", since)
                .map(row -> new Change<>(new PageKey(row.get("site_id", String.class), row.get("page_id", String.class)),
                        Boolean.TRUE.equals(row.get("protected", Boolean.class)) ? List.of(row.get("groups", String[].class)) : null,
                        row.get("changed_at", Instant.class)))
                .all();
    }
}
