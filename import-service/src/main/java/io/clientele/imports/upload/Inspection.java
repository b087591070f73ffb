package io.clientele.imports.upload;

import io.clientele.imports.column.ImportColumns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An upload looked at before it is imported: each of its columns with the importable column it names (null when it
 * names none, for the owner to map or leave out) and its first values, so that its owner can map it knowingly.
 *
 * @param importableColumns what a column can be mapped to
 * @param expiresAt         when the inspection and its file are cleared unless imported
 */
record Inspection(UUID id, String fileName, String format, int rows, List<Column> columns, List<String> importableColumns,
                  Instant createdAt, Instant expiresAt) {

    static final Duration KEPT = Duration.ofDays(1);

    Inspection(UUID id, String fileName, String format, int rows, List<Column> columns, Instant createdAt) {
        this(id, fileName, format, rows, columns, ImportColumns.ALL, createdAt, createdAt.plus(KEPT));
    }

    static List<Column> columnsOf(UploadedFile file) {
        List<String> headers = file.headers();
        return java.util.stream.IntStream.range(0, headers.size())
                .mapToObj(i -> new Column(headers.get(i), headers.get(i).isEmpty() ? null : ImportColumns.named(headers.get(i)),
                        file.firstRows().stream().map(row -> row.cell(i) == null ? "" : row.cell(i)).toList()))
                .toList();
    }

    List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** @param column the importable column the header names as it is, or null */
    record Column(String header, String column, List<String> examples) {
    }
}
