package io.clientele.imports.upload;

import io.clientele.imports.file.FileRefused;
import io.clientele.imports.file.SheetFormat;
import io.clientele.imports.file.SheetReader;
import io.clientele.imports.file.SheetRow;
import io.clientele.imports.job.ImportProperties;
import io.clientele.platform.web.TextInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An uploaded file as read through once: its format, its header, how many rows it has and its first rows. A file
 * that is empty, has control characters in its header or more rows than allowed is refused whole here.
 */
record UploadedFile(SheetFormat format, SheetRow header, int rows, List<SheetRow> firstRows) {

    static final int FIRST_ROWS = 3;

    static UploadedFile read(Path file, ImportProperties properties) {
        SheetFormat format = SheetFormat.of(file);
        try (SheetReader reader = format.open(file, properties.xlsxLimits())) {
            SheetRow header = reader.nextNonBlank();
            if (header == null) {
                throw FileRefused.because("the file is empty: it needs a header row and at least one row");
            }
            if (!header.cells().stream().allMatch(cell -> cell == null || TextInput.acceptableOnOneLine(cell))) {
                throw FileRefused.because("the header row holds control characters");
            }
            List<SheetRow> first = new ArrayList<>();
            int rows = 0;
            for (SheetRow row = reader.nextNonBlank(); row != null; row = reader.nextNonBlank()) {
                if (++rows > properties.maxRows()) {
                    throw FileRefused.because("the file has more than " + properties.maxRows()
                            + " rows; split it into several imports");
                }
                if (first.size() < FIRST_ROWS) {
                    first.add(row);
                }
            }
            if (rows == 0) {
                throw FileRefused.because("the file has a header row but no rows");
            }
            return new UploadedFile(format, header, rows, List.copyOf(first));
        }
    }

    List<String> headers() {
        return header.cells().stream().map(cell -> cell == null ? "" : cell.strip()).toList();
    }
}
