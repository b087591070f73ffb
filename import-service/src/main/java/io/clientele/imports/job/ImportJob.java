package io.clientele.imports.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An import as stored: its file, options, where it stands and its counts so far. */
public record ImportJob(UUID id, String siteId, String fileName, String format, String filePath, List<String> headers,
                        ImportOptions options, String requestedBy, String status, int totalRows, int rowsRead,
                        int batchesSent, int batchesApplied, int created, int updated, int unchanged, int failed,
                        Instant createdAt, Instant finishedAt) {

    public static final String READING = "READING";
    public static final String APPLYING = "APPLYING";
    public static final String FINISHED = "FINISHED";

    /** A new import of an accepted file, about to be read: nothing read, sent or applied yet. */
    public static ImportJob reading(UUID id, String siteId, String fileName, String format, String filePath,
                                    List<String> headers, ImportOptions options, String requestedBy, int totalRows) {
        return new ImportJob(id, siteId, fileName, format, filePath, headers, options, requestedBy, READING, totalRows,
                0, 0, 0, 0, 0, 0, 0, Instant.now(), null);
    }

    public int applied() {
        return created + updated + unchanged;
    }

    public boolean finished() {
        return FINISHED.equals(status);
    }
}
