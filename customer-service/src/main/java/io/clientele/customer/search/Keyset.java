package io.clientele.customer.search;

import io.clientele.customer.customer.CustomerFields;
import io.clientele.customer.customer.CustomerFields.Field;
import io.clientele.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order of a query and where a page of it starts: after the last customer of the previous page, named by its
 * sort values and id in an opaque cursor. The id breaks ties, so that no customer is skipped or shown twice.
 */
final class Keyset {

    static final int MAX_SORT_KEYS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<CustomerQuery.SortKey> NEWEST_FIRST = List.of(new CustomerQuery.SortKey("createdAt", "DESC"));

    record Key(Field field, boolean descending) {

        String sqlType() {
            return switch (field.kind()) {
                case DATE -> "date";
                case TIMESTAMP -> "timestamptz";
                case BOOLEAN -> "boolean";
                default -> "text";
            };
        }
    }

    private final List<Key> keys;

    private Keyset(List<Key> keys) {
        this.keys = keys;
    }

    static Keyset of(List<CustomerQuery.SortKey> sort) {
        List<CustomerQuery.SortKey> requested = sort == null || sort.isEmpty() ? NEWEST_FIRST : sort;
        if (requested.size() > MAX_SORT_KEYS) {
            throw ProblemException.invalidField("sort", "sorts by at most " + MAX_SORT_KEYS + " fields");
        }
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            CustomerQuery.SortKey key = requested.get(i);
            String path = "sort[" + i + "]";
            Field field = CustomerFields.named(key.field()).filter(Field::sortable).orElseThrow(() -> ProblemException
                    .invalidField(path + ".field", "'" + key.field() + "' is not a field to sort by"));
            String direction = key.direction() == null ? "ASC" : key.direction().toUpperCase(Locale.ROOT);
            if (!direction.equals("ASC") && !direction.equals("DESC")) {
                throw ProblemException.invalidField(path + ".direction", "is ASC or DESC");
            }
            keys.add(new Key(field, direction.equals("DESC")));
        }
        return new Keyset(keys);
    }

    /** The sort values to select with each customer, to make the cursor from. */
    String selectList() {
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            select.append(", CAST(").append(keys.get(i).field().sortSql()).append(" AS text) AS \"_sort").append(i).append('"');
        }
        return select.toString();
    }

    String orderBy() {
        StringBuilder order = new StringBuilder(" ORDER BY ");
        for (Key key : keys) {
            order.append(key.field().sortSql()).append(key.descending() ? " DESC, " : " ASC, ");
        }
        return order.append("c.id").append(lastDescending() ? " DESC" : " ASC").toString();
    }

    /** Appends the condition "comes after the cursor" in this order. */
    void after(SqlWhere where, String cursor) {
        List<String> values = decode(cursor);
        boolean uniform = keys.stream().allMatch(key -> key.descending() == lastDescending());
        if (uniform) {
            // One row comparison, which an index on the same columns serves.
            where.append(" AND (");
            for (Key key : keys) {
                where.append(key.field().sortSql()).append(", ");
            }
            where.append("c.id) ").append(lastDescending() ? "<" : ">").append(" (");
            for (int i = 0; i < keys.size(); i++) {
                where.value(values.get(i), keys.get(i).sqlType()).append(", ");
            }
            where.value(values.get(keys.size()), "uuid").append(")");
            return;
        }
        where.append(" AND (");
        for (int i = 0; i <= keys.size(); i++) {
            where.append(i > 0 ? " OR (" : "(");
            for (int j = 0; j < i; j++) {
                where.append(keys.get(j).field().sortSql()).append(" = ").value(values.get(j), keys.get(j).sqlType()).append(" AND ");
            }
            if (i < keys.size()) {
                Key key = keys.get(i);
                where.append(key.field().sortSql()).append(key.descending() ? " < " : " > ").value(values.get(i), key.sqlType());
            } else {
                where.append("c.id ").append(lastDescending() ? "< " : "> ").value(values.get(i), "uuid");
            }
            where.append(")");
        }
        where.append(")");
    }

    String cursor(List<String> sortValues, Object id) {
        List<String> values = new ArrayList<>(sortValues);
        values.add(id.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
    }

    int size() {
        return keys.size();
    }

    private boolean lastDescending() {
        return keys.getLast().descending();
    }

    private List<String> decode(String cursor) {
        try {
            List<String> values = JSON.readValue(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8),
                    new TypeReference<List<String>>() {
                    });
            if (values.size() == keys.size() + 1) {
                return values;
            }
        } catch (IllegalArgumentException | JacksonException e) {
            // reported below
        }
        throw ProblemException.invalidField("after", "is not a cursor of this query: pass a page's 'next' with the same sort");
    }
}
