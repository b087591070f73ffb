package io.clientele.customer.savedfilter;

import io.clientele.customer.search.CustomerQuery;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class SavedFilters {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, name, CAST(query AS text) AS query, created_at, updated_at";

    private final DatabaseClient db;

    SavedFilters(DatabaseClient db) {
        this.db = db;
    }

    Flux<SavedFilter> all(String siteId) {
        return db.sql("SELECT " + COLUMNS + " FROM saved_filters WHERE site_id = :siteId ORDER BY name")
                .bind("siteId", siteId).map(SavedFilters::read).all();
    }

    public Mono<SavedFilter> find(String siteId, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM saved_filters WHERE site_id = :siteId AND id = :id")
                .bind("siteId", siteId).bind("id", id).map(SavedFilters::read).one();
    }

    Mono<SavedFilter> insert(String siteId, String name, CustomerQuery query) {
        return db.sql("""
                        INSERT INTO saved_filters (id, site_id, name, query) VALUES (:id, :siteId, :name, CAST(:query AS jsonb))
                        RETURNING """ + " " + COLUMNS)
                .bind("id", UUID.randomUUID()).bind("siteId", siteId).bind("name", name)
                .bind("query", JSON.writeValueAsString(query))
                .map(SavedFilters::read).one();
    }

    Mono<SavedFilter> update(String siteId, UUID id, String name, CustomerQuery query) {
        return db.sql("""
                        UPDATE saved_filters SET name = :name, query = CAST(:query AS jsonb), updated_at = now()
                        WHERE site_id = :siteId AND id = :id RETURNING """ + " " + COLUMNS)
                .bind("siteId", siteId).bind("id", id).bind("name", name).bind("query", JSON.writeValueAsString(query))
                .map(SavedFilters::read).one();
    }

    Mono<Boolean> delete(String siteId, UUID id) {
        return db.sql("DELETE FROM saved_filters WHERE site_id = :siteId AND id = :id")
                .bind("siteId", siteId).bind("id", id).fetch().rowsUpdated().map(deleted -> deleted > 0);
    }

    private static SavedFilter read(Readable row) {
        return new SavedFilter(row.get("id", UUID.class), row.get("name", String.class),
                JSON.readValue(row.get("query", String.class), CustomerQuery.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
