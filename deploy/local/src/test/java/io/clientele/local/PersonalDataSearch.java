package io.clientele.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches every column of every table of a service's database for texts, case-insensitively: text, JSON and array
 * columns as text, binary columns (outbox payloads) byte for byte. Answers "database.table.column" for each hit.
 */
final class PersonalDataSearch {

    private PersonalDataSearch() {
    }

    static List<String> in(LocalStackPorts ports, String database, List<String> texts) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection db = ports.database(database)) {
            for (Map.Entry<String, String> column : columns(db).entrySet()) {
                String[] tableAndColumn = column.getKey().split("\\.");
                String value = "\"" + tableAndColumn[1] + "\"";
                boolean binary = column.getValue().equals("bytea");
                String condition = binary
                        ? "position(convert_to(lower(?), 'UTF8') IN " + value + ") > 0 OR position(convert_to(?, 'UTF8') IN "
                        + value + ") > 0"
                        : "CAST(" + value + " AS text) ILIKE '%' || ? || '%'";
                for (String text : texts) {
                    try (PreparedStatement query = db.prepareStatement("SELECT count(*) FROM \"" + tableAndColumn[0]
                            + "\" WHERE " + condition)) {
                        query.setString(1, text);
                        if (binary) {
                            query.setString(2, text);
                        }
                        try (ResultSet found = query.executeQuery()) {
                            found.next();
                            if (found.getLong(1) > 0) {
                                hits.add(database + "." + column.getKey() + " holds " + text);
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** table.column -> data type, of every table of the public schema. */
    private static Map<String, String> columns(Connection db) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position""");
             ResultSet found = query.executeQuery()) {
            while (found.next()) {
                columns.put(found.getString(1) + "." + found.getString(2), found.getString(3));
            }
        }
        return columns;
    }
}
