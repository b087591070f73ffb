package io.clientele.imports.column;

import io.clientele.imports.file.SheetRow;
import io.clientele.platform.web.ProblemException;
import io.clientele.platform.web.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Which column of the file is which importable column, decided from the header row before any row is read: by
 * name (as the template has them), or by the import's explicit mapping for the headers it names. Unknown headers,
 * the same column twice, or neither an e-mail nor an SMS number column refuse the file, every problem at once.
 */
public final class ColumnMapping {

    private final List<String> headers;
    private final Map<String, Integer> indexOf;

    private ColumnMapping(List<String> headers, Map<String, Integer> indexOf) {
        this.headers = headers;
        this.indexOf = indexOf;
    }

    /**
     * @param explicit header as in the file -> importable column, or an empty string to leave the column out
     */
    public static ColumnMapping of(SheetRow header, Map<String, String> explicit) {
        List<String> headers = header.cells().stream().map(cell -> cell == null ? "" : cell.strip()).toList();
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> mapping = explicit == null ? Map.of() : explicit;
        mapping.forEach((from, to) -> {
            if (!headers.contains(from.strip())) {
                errors.add(new FieldError("mapping." + from, "the file has no such column; its headers are " + headers));
            } else if (to != null && !to.isBlank() && ImportColumns.named(to) == null) {
                errors.add(new FieldError("mapping." + from, "'" + to + "' is not an importable column; they are " + ImportColumns.ALL));
            }
        });
        Map<String, Integer> indexOf = new LinkedHashMap<>();
        Map<String, String> headerOf = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.get(i);
            String column = mapping.containsKey(name) ? columnOrNull(mapping.get(name)) : named(name, errors);
            if (column == null) {
                continue;
            }
            String earlier = headerOf.putIfAbsent(column, name);
            if (earlier != null) {
                errors.add(new FieldError("header." + name, "is " + column + " again (so is '" + earlier + "')"));
            }
            indexOf.putIfAbsent(column, i);
        }
        if (!indexOf.containsKey("email") && !indexOf.containsKey("smsNumber")) {
            errors.add(new FieldError("header", "an email or smsNumber column is required: every customer has one"));
        }
        if (!errors.isEmpty()) {
            ProblemException problem = ProblemException.ofFields(HttpStatus.BAD_REQUEST, "invalid-header", "Invalid header", errors);
            problem.getBody().setProperty("columns", ImportColumns.ALL);
            throw problem;
        }
        return new ColumnMapping(headers, indexOf);
    }

    private static String columnOrNull(String to) {
        return to == null || to.isBlank() ? null : ImportColumns.named(to);
    }

    private static String named(String header, List<FieldError> errors) {
        if (header.isEmpty()) {
            return null;
        }
        String column = ImportColumns.named(header);
        if (column == null && !ImportColumns.key(header).equals(ImportColumns.REASON)) {
            errors.add(new FieldError("header." + header, "is not an importable column; map it to one, or to \"\" to leave "
                    + "it out (columns: " + ImportColumns.ALL + ")"));
        }
        return column;
    }

    /** The file's headers, as uploaded. */
    public List<String> headers() {
        return headers;
    }

    /** The row's text in the column, or null when the file has no such column or the cell is blank. */
    public String value(SheetRow row, String column) {
        Integer index = indexOf.get(column);
        String cell = index == null ? null : row.cell(index);
        return cell == null || cell.isBlank() ? null : cell.strip();
    }
}
