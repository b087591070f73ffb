package io.clientele.customer.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** SQL text under construction with its bound values, each named {@code :p<n>}. */
public final class SqlWhere {

    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> values = new LinkedHashMap<>();

    SqlWhere append(String text) {
        sql.append(text);
        return this;
    }

    /** Appends a placeholder for the value, cast to the SQL type when one is given. */
    SqlWhere value(Object value, String sqlType) {
        String name = "p" + values.size();
        values.put(name, value);
        sql.append(sqlType == null ? ":" + name : "CAST(:" + name + " AS " + sqlType + ")");
        return this;
    }

    SqlWhere value(Object value) {
        return value(value, null);
    }

    public String sql() {
        return sql.toString();
    }

    /** The bound values by placeholder name, in the order they appear. */
    Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public GenericExecuteSpec bindTo(GenericExecuteSpec spec) {
        for (Map.Entry<String, Object> value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return spec;
    }

    /** A copy to extend, so that a page and its count share the same conditions. */
    SqlWhere copy() {
        SqlWhere copy = new SqlWhere();
        copy.sql.append(sql);
        copy.values.putAll(values);
        return copy;
    }
}
