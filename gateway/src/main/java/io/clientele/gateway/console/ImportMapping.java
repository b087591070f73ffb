package io.clientele.gateway.console;

import io.clientele.gateway.Forms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The owner's choice of what each column of an inspected upload is: the form names column {@code i}'s choice
 * {@code column.i}, an importable column or empty to leave the column out.
 */
final class ImportMapping {

    private ImportMapping() {
    }

    /** What each column names as it is, the unrecognised ones left out until the owner says otherwise. */
    static List<String> suggested(Map<String, Object> inspection) {
        return columns(inspection).stream().map(column -> column.get("column") == null ? "" : column.get("column").toString())
                .toList();
    }

    static List<String> chosen(Map<String, Object> inspection, MultiValueMap<String, String> form) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < columns(inspection).size(); i++) {
            chosen.add(Forms.field(form, "column." + i));
        }
        return chosen;
    }

    /** The import's mapping: each header of the file to its chosen column. */
    static Map<String, String> mapping(Map<String, Object> inspection, MultiValueMap<String, String> form) {
        List<Map<String, Object>> columns = columns(inspection);
        List<String> chosen = chosen(inspection, form);
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String header = String.valueOf(columns.get(i).get("header"));
            if (!header.isEmpty()) {
                mapping.putIfAbsent(header, chosen.get(i));
            }
        }
        return mapping;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> columns(Map<String, Object> inspection) {
        return (List<Map<String, Object>>) inspection.getOrDefault("columns", List.of());
    }
}
