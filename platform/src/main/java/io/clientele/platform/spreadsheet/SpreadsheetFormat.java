package io.clientele.platform.spreadsheet;

import io.clientele.platform.web.ProblemException;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.MediaType;

/** The spreadsheet formats the platform writes. */
public enum SpreadsheetFormat {

    CSV(MediaType.parseMediaType("text/csv;charset=UTF-8"), "csv"),
    XLSX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx");

    /** Excel's last row, the header included. */
    public static final int XLSX_MAX_ROWS = 1_048_575;

    public final MediaType mediaType;
    public final String extension;

    SpreadsheetFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The format a request names (CSV when it names none), or a 400 naming the field. */
    public static SpreadsheetFormat named(String field, String name) {
        try {
            return name == null ? CSV : valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "is csv or xlsx");
        }
    }

    public SpreadsheetWriter writer(OutputStream out, String sheetName) {
        return switch (this) {
            case CSV -> new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
            case XLSX -> new XlsxWriter(out, sheetName);
        };
    }
}
