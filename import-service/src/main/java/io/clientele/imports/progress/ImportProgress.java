package io.clientele.imports.progress;

import io.clientele.imports.job.ImportJob;
import java.time.Instant;
import java.util.UUID;

/**
 * Where an import stands, as the API shows it.
 *
 * @param rows   how many rows the file has, and how many were read, applied and failed so far
 * @param result what the applied rows did to the customers
 */
public record ImportProgress(UUID id, String fileName, String status, Rows rows, int percent, Result result,
                             Instant createdAt, Instant finishedAt) {

    public record Rows(int total, int read, int applied, int failed) {
    }

    public record Result(int created, int updated, int unchanged, int failed) {
    }

    public static ImportProgress of(ImportJob job) {
        int done = job.applied() + job.failed();
        return new ImportProgress(job.id(), job.fileName(), job.status(),
                new Rows(job.totalRows(), job.rowsRead(), job.applied(), job.failed()),
                job.finished() ? 100 : (int) (100L * done / Math.max(1, job.totalRows())),
                new Result(job.created(), job.updated(), job.unchanged(), job.failed()),
                job.createdAt(), job.finishedAt());
    }
}
