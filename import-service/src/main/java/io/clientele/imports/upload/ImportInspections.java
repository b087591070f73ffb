package io.clientele.imports.upload;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Inspected uploads waiting to be imported, with where their file is kept. */
@Repository
class ImportInspections {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Inspection.Column>> COLUMNS = new TypeReference<>() {
    };

    private final DatabaseClient db;

    ImportInspections(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(Stored inspection, String siteId, String requestedBy) {
        Inspection shown = inspection.shown();
        return db.sql("""
                        INSERT INTO import_inspections (id, site_id, file_name, format, file_path, columns, total_rows,
                            requested_by, created_at)
                        VALUES (:id, :siteId, :fileName, :format, :filePath, CAST(:columns AS jsonb), :rows, :requestedBy,
                            :createdAt)""")
                .bind("id", shown.id()).bind("siteId", siteId).bind("fileName", shown.fileName())
                .bind("format", shown.format()).bind("filePath", inspection.filePath())
                .bind("columns", JSON.writeValueAsString(shown.columns())).bind("rows", shown.rows())
                .bind("requestedBy", requestedBy).bind("createdAt", shown.createdAt())
                .then();
    }

    Mono<Stored> find(String siteId, UUID id) {
        return db.sql("SELECT id, file_name, format, file_path, CAST(columns AS text) AS columns, total_rows, requested_by, "
                        + "created_at FROM import_inspections WHERE site_id = :siteId AND id = :id")
                .bind("siteId", siteId).bind("id", id).map(ImportInspections::stored).one();
    }

    /** Removes the inspection as its import starts: true for the one caller that removed it. */
    Mono<Boolean> remove(String siteId, UUID id) {
        return db.sql("DELETE FROM import_inspections WHERE site_id = :siteId AND id = :id")
                .bind("siteId", siteId).bind("id", id).fetch().rowsUpdated().map(removed -> removed == 1);
    }

    /** Removes the inspections older than they are kept, answering the files they leave behind. */
    Flux<String> removeBefore(Instant time) {
        return db.sql("DELETE FROM import_inspections WHERE created_at < :time RETURNING file_path")
                .bind("time", time).map(row -> row.get("file_path", String.class)).all();
    }

    private static Stored stored(Readable row) {
        return new Stored(new Inspection(row.get("id", UUID.class), row.get("file_name", String.class),
                row.get("format", String.class), row.get("total_rows", Integer.class),
                JSON.readValue(row.get("columns", String.class), COLUMNS), row.get("created_at", Instant.class)),
                row.get("file_path", String.class), row.get("requested_by", String.class));
    }

    /** An inspection with what only the service sees: where its file is, and who uploaded it. */
    record Stored(Inspection shown, String filePath, String requestedBy) {
    }
}
