package io.clientele.customer.export;

import io.clientele.customer.customer.CustomerFields.Field;
import io.clientele.platform.web.ProblemException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;

/** The file formats customers are exported in. */
enum ExportFormat {

    CSV(MediaType.parseMediaType("text/csv;charset=UTF-8"), "csv"),
    XLSX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx");

    /** Writes customers into one file, one after the other. */
    interface Rows {

        void header() throws IOException;

        void row(Map<String, Object> customer) throws IOException;

        void finish() throws IOException;
    }

    final MediaType mediaType;
    final String extension;

    ExportFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    static ExportFormat named(String name) {
        try {
            return name == null ? CSV : valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("format", "is csv or xlsx");
        }
    }

    Rows rows(OutputStream out, List<Field> columns) {
        return switch (this) {
            case CSV -> new CsvRows(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024), columns);
            case XLSX -> new XlsxRows(out, columns);
        };
    }
}
