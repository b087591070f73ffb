package io.clientele.imports.column;

import io.clientele.events.ImportRow;
import io.clientele.imports.file.SheetRow;
import io.clientele.platform.web.TextInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a sheet row into an import row: customer fields as text, dates (ISO or Excel's day numbers) as ISO dates,
 * yes/no cells as booleans, comma-separated groups and tags as lists with the import's own added. Every problem of
 * the row is named at once.
 */
public final class RowParser {

    private static final Set<String> YES = Set.of("1", "true", "yes", "y", "oui", "ja", "x");
    private static final Set<String> NO = Set.of("0", "false", "no", "n", "non", "nein");
    /** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final ColumnMapping columns;
    private final List<String> extraTags;
    private final List<String> extraGroups;

    public RowParser(ColumnMapping columns, List<String> extraTags, List<String> extraGroups) {
        this.columns = columns;
        this.extraTags = extraTags;
        this.extraGroups = extraGroups;
    }

    public ParsedRow parse(SheetRow row) {
        for (int i = 0; i < row.cells().size(); i++) {
            String cell = row.cells().get(i);
            if (cell != null && !TextInput.acceptable(cell)) {
                String column = i < columns.headers().size() ? columns.headers().get(i) : "column " + (i + 1);
                return new ParsedRow(null, column + ": " + TextInput.CONTROL_CHARACTERS);
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> fields = new HashMap<>();
        for (String field : ImportColumns.CUSTOMER_FIELDS) {
            String value = columns.value(row, field);
            if (value == null) {
                continue;
            }
            switch (field) {
                case "birthDate" -> value = date(value, field, problems);
                case "accountActive" -> value = yesNo(value, field, problems);
                default -> {
                }
            }
            if (value != null) {
                fields.put(field, value);
            }
        }
        String optIn = columns.value(row, ImportColumns.OPT_IN);
        Boolean consent = optIn == null ? null : parseBoolean(yesNo(optIn, ImportColumns.OPT_IN, problems));
        if (!problems.isEmpty()) {
            return new ParsedRow(null, String.join("; ", problems));
        }
        return new ParsedRow(ImportRow.newBuilder()
                .setRowNumber(row.number())
                .setFields(fields)
                .setExternalId(columns.value(row, ImportColumns.EXTERNAL_ID))
                .setTags(list(columns.value(row, ImportColumns.TAGS), extraTags))
                .setGroups(list(columns.value(row, ImportColumns.GROUPS), extraGroups))
                .setOptIn(consent)
                .build(), null);
    }

    private static String date(String value, String field, List<String> problems) {
        try {
            if (value.matches("[0-9]+(\\.[0-9]+)?")) {
                return EXCEL_EPOCH.plusDays(new BigDecimal(value).longValue()).toString();
            }
            return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value).toString();
        } catch (DateTimeException | ArithmeticException e) {
            problems.add(field + ": '" + value + "' is not a date (2024-01-31, or a spreadsheet date)");
            return null;
        }
    }

    private static String yesNo(String value, String field, List<String> problems) {
        String answer = value.toLowerCase(Locale.ROOT);
        if (YES.contains(answer)) {
            return "true";
        }
        if (NO.contains(answer)) {
            return "false";
        }
        problems.add(field + ": '" + value + "' is not yes or no (1/true/yes, 0/false/no)");
        return null;
    }

    private static Boolean parseBoolean(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }

    private static List<String> list(String cell, List<String> extra) {
        Set<String> items = new LinkedHashSet<>();
        if (cell != null) {
            Arrays.stream(cell.split("[,;]")).map(String::strip).filter(item -> !item.isEmpty()).forEach(items::add);
        }
        items.addAll(extra);
        return List.copyOf(items);
    }
}
