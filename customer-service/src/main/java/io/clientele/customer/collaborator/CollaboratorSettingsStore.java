package io.clientele.customer.collaborator;

import java.util.Arrays;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class CollaboratorSettingsStore {

    private final DatabaseClient db;

    CollaboratorSettingsStore(DatabaseClient db) {
        this.db = db;
    }

    /** The collaborator's settings, the defaults until they choose. */
    Mono<CollaboratorSettings> find(String siteId, String collaborator) {
        return db.sql("SELECT overview_columns FROM collaborator_settings WHERE site_id = :siteId AND collaborator = :collaborator")
                .bind("siteId", siteId).bind("collaborator", collaborator)
                .map(row -> new CollaboratorSettings(Arrays.asList(row.get("overview_columns", String[].class)))).one()
                .defaultIfEmpty(CollaboratorSettings.DEFAULTS);
    }

    Mono<Void> save(String siteId, String collaborator, CollaboratorSettings settings) {
        return db.sql("""
                        INSERT INTO collaborator_settings (site_id, collaborator, overview_columns)
                        VALUES (:siteId, :collaborator, :columns)
                        ON CONFLICT (site_id, collaborator) DO UPDATE SET overview_columns = EXCLUDED.overview_columns,
                            updated_at = now()""")
                .bind("siteId", siteId).bind("collaborator", collaborator)
                .bind("columns", settings.overviewColumns().toArray(String[]::new))
                .then();
    }
}
