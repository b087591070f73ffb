package io.clientele.customer.search;

import io.clientele.customer.customer.CustomerFields;
import io.clientele.customer.customer.CustomerFields.Field;
import io.clientele.customer.customer.CustomerFields.Kind;
import io.clientele.customer.search.CustomerFilter.Condition;
import io.clientele.platform.web.ProblemException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns a {@link CustomerQuery}'s words and filter into the WHERE clause over {@code customers c}, or a 400 naming what is wrong. */
final class QueryCompiler {

    static final int MAX_CONDITIONS = 50;

    /** What each field of a search looks in, lower-cased and without accents as the search text is. */
    private static final Map<String, String> SEARCHED_FIELDS = Map.of(
            "name", "c.search_name",
            "email", "coalesce(c.email_normalized, '')",
            "organization", "c.search_organization",
            "phone", "c.search_phones",
            "externalId", "c.search_external_ids");

    /** The searched fields with a trigram index of their own. */
    private static final Set<String> INDEXED_FIELDS = Set.of("name");

    private static final Map<Kind, Set<String>> OPERATORS = Map.of(
            Kind.ID, Set.of("eq", "in"),
            Kind.TEXT, Set.of("eq", "ne", "in", "notIn", "contains", "startsWith", "isEmpty", "isNotEmpty"),
            Kind.DATE, Set.of("eq", "gt", "gte", "lt", "lte", "between", "isEmpty", "isNotEmpty"),
            Kind.TIMESTAMP, Set.of("eq", "gt", "gte", "lt", "lte", "between", "isEmpty", "isNotEmpty"),
            Kind.BOOLEAN, Set.of("eq"),
            Kind.TAGS, Set.of("hasAny", "hasAll", "hasNone", "isEmpty", "isNotEmpty"),
            Kind.GROUPS, Set.of("hasAny", "hasAll", "hasNone", "isEmpty", "isNotEmpty"),
            Kind.EXTERNAL_IDS, Set.of("eq", "isEmpty", "isNotEmpty"),
            Kind.METADATA, Set.of("hasKey", "lacksKey"));

    private QueryCompiler() {
    }

    /** The operators a condition on a field of this kind can use. */
    static Set<String> operators(Kind kind) {
        return OPERATORS.get(kind);
    }

    static SqlWhere where(String siteId, CustomerQuery query) {
        SqlWhere where = new SqlWhere().append("c.site_id = ").value(siteId);
        if (query.q() != null && !query.q().isBlank()) {
            words(where, query.q(), query.field());
        }
        if (query.filter() != null) {
            where.append(" AND ");
            filter(where, query.filter());
        }
        return where;
    }

    private static void words(SqlWhere where, String q, String field) {
        String searched = null;
        if (field != null) {
            searched = SEARCHED_FIELDS.get(field);
            if (searched == null) {
                throw ProblemException.invalidField("field", "search one of " + new java.util.TreeSet<>(SEARCHED_FIELDS.keySet())
                        + ", or leave it out to search them all");
            }
        }
        if (q.length() > 200) {
            throw ProblemException.invalidField("q", "has at most 200 characters");
        }
        for (String word : SearchText.words(q)) {
            String pattern = SearchText.anywhere(word);
            // The search text holds every searchable field and has a trigram index; a field's own text narrows it,
            // or alone does when it has an index of its own.
            if (field == null || !INDEXED_FIELDS.contains(field)) {
                where.append(" AND c.search_text LIKE ").value(pattern);
            }
            if (searched != null) {
                where.append(" AND " + searched + " LIKE ").value(pattern);
            }
        }
    }

    private static void filter(SqlWhere where, CustomerFilter filter) {
        String between = joiner("filter.match", filter.match());
        List<CustomerFilter.Group> groups = filter.groups() == null ? List.of() : filter.groups();
        if (groups.isEmpty()) {
            where.append("true");
            return;
        }
        if (groups.stream().mapToInt(group -> group.conditions() == null ? 0 : group.conditions().size()).sum() > MAX_CONDITIONS) {
            throw ProblemException.invalidField("filter", "has at most " + MAX_CONDITIONS + " conditions");
        }
        where.append("(");
        for (int g = 0; g < groups.size(); g++) {
            String path = "filter.groups[" + g + "]";
            CustomerFilter.Group group = groups.get(g);
            String within = joiner(path + ".match", group.match());
            List<Condition> conditions = group.conditions() == null ? List.of() : group.conditions();
            where.append(g > 0 ? between : "").append("(");
            if (conditions.isEmpty()) {
                where.append("true");
            }
            for (int c = 0; c < conditions.size(); c++) {
                where.append(c > 0 ? within : "");
                condition(where, conditions.get(c), path + ".conditions[" + c + "]");
            }
            where.append(")");
        }
        where.append(")");
    }

    private static String joiner(String path, String match) {
        if (match == null || match.equalsIgnoreCase("ALL")) {
            return " AND ";
        }
        if (match.equalsIgnoreCase("ANY")) {
            return " OR ";
        }
        throw ProblemException.invalidField(path, "is ALL or ANY, not '" + match + "'");
    }

    private static void condition(SqlWhere where, Condition condition, String path) {
        Field field = CustomerFields.named(condition.field()).orElseThrow(() -> ProblemException.invalidField(path + ".field",
                "unknown field '" + condition.field() + "'; fields are " + CustomerFields.known()));
        Set<String> operators = OPERATORS.get(field.kind());
        if (condition.op() == null || !operators.contains(condition.op())) {
            throw ProblemException.invalidField(path + ".op", "unknown operator '" + condition.op() + "' for "
                    + field.name() + "; use one of " + new java.util.TreeSet<>(operators));
        }
        Values values = new Values(condition.value(), path + ".value", field.valueCase());
        String f = field.filterSql();
        String op = condition.op();
        switch (field.kind()) {
            case ID -> {
                if (op.equals("eq")) {
                    where.append(f + " = ").value(values.uuid());
                } else {
                    where.append(f + " = ANY(").value(values.texts(), "uuid[]").append(")");
                }
            }
            case TEXT -> text(where, f, op, values);
            case DATE -> range(where, f, op, values, "date");
            case TIMESTAMP -> range(where, f, op, values, "timestamptz");
            case BOOLEAN -> where.append(f + " = ").value(values.bool());
            case TAGS, GROUPS -> {
                switch (op) {
                    case "hasAny" -> where.append(f + " && ").value(values.texts(), "text[]");
                    case "hasAll" -> where.append(f + " @> ").value(values.texts(), "text[]");
                    case "hasNone" -> where.append("NOT (" + f + " && ").value(values.texts(), "text[]").append(")");
                    case "isEmpty" -> where.append(f + " = '{}'");
                    default -> where.append(f + " <> '{}'");
                }
            }
            case EXTERNAL_IDS -> {
                String ids = "SELECT 1 FROM customer_external_ids x WHERE x.customer_id = c.id";
                switch (op) {
                    case "eq" -> where.append("EXISTS (" + ids + " AND x.external_id = ").value(values.text()).append(")");
                    case "isEmpty" -> where.append("NOT EXISTS (" + ids + ")");
                    default -> where.append("EXISTS (" + ids + ")");
                }
            }
            case METADATA -> where.append(op.equals("hasKey") ? "jsonb_exists(" : "NOT jsonb_exists(").append(f + ", ")
                    .value(values.text()).append(")");
        }
    }

    private static void text(SqlWhere where, String f, String op, Values values) {
        switch (op) {
            case "eq" -> where.append(f + " = ").value(values.text());
            case "ne" -> where.append(f + " IS DISTINCT FROM ").value(values.text());
            case "in" -> where.append(f + " = ANY(").value(values.texts(), "text[]").append(")");
            case "notIn" -> where.append("(" + f + " IS NULL OR " + f + " <> ALL(").value(values.texts(), "text[]").append("))");
            case "contains" -> where.append(f + " ILIKE ").value(SearchText.anywhere(values.text()));
            case "startsWith" -> where.append(f + " ILIKE ").value(SearchText.startingWith(values.text()));
            case "isEmpty" -> where.append("(" + f + " IS NULL OR " + f + " = '')");
            default -> where.append("(" + f + " IS NOT NULL AND " + f + " <> '')");
        }
    }

    /**
     * Dates and times compared as ranges. A timestamp given as a date stands for that whole day (UTC): "lte
     * 2026-03-31" includes the 31st, "between [2026-01-01, 2026-03-31]" the whole quarter.
     */
    private static void range(SqlWhere where, String f, String op, Values values, String type) {
        boolean timestamp = type.equals("timestamptz");
        switch (op) {
            case "isEmpty" -> where.append(f + " IS NULL");
            case "isNotEmpty" -> where.append(f + " IS NOT NULL");
            case "between" -> {
                List<Object> bounds = values.list(2);
                Bound from = Bound.of(bounds.get(0), values.path() + "[0]", timestamp);
                Bound to = Bound.of(bounds.get(1), values.path() + "[1]", timestamp);
                where.append("(" + f + " >= ").value(from.start(), type).append(" AND " + f + " " + to.endOperator() + " ")
                        .value(to.end(), type).append(")");
            }
            default -> {
                Bound bound = Bound.of(values.raw(), values.path(), timestamp);
                switch (op) {
                    case "eq" -> where.append("(" + f + " >= ").value(bound.start(), type)
                            .append(" AND " + f + " " + bound.endOperator() + " ").value(bound.end(), type).append(")");
                    case "gt" -> where.append(f + (bound.day() ? " >= " : " > ")).value(bound.end(), type);
                    case "gte" -> where.append(f + " >= ").value(bound.start(), type);
                    case "lt" -> where.append(f + " < ").value(bound.start(), type);
                    default -> where.append(f + " " + bound.endOperator() + " ").value(bound.end(), type);
                }
            }
        }
    }

    /** A date or an instant as the start and end of the time it names; a day ends where the next begins. */
    private record Bound(String start, String end, boolean day) {

        static Bound of(Object value, String path, boolean timestamp) {
            String text = value == null ? "" : value.toString();
            try {
                if (text.length() == 10) {
                    LocalDate date = LocalDate.parse(text);
                    return timestamp
                            ? new Bound(date.atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
                                    date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString(), true)
                            : new Bound(text, text, false);
                }
                if (timestamp) {
                    String instant = OffsetDateTime.parse(text).toInstant().toString();
                    return new Bound(instant, instant, false);
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw ProblemException.invalidField(path, timestamp ? "is a date (2026-03-31) or a time (2026-03-31T12:00:00Z)"
                    : "is a date such as 2026-03-31");
        }

        String endOperator() {
            return day ? "<" : "<=";
        }
    }

    /** A condition's value, read as the operator wants it, or a 400 naming its place in the request. */
    private record Values(Object raw, String path, CustomerFields.Case valueCase) {

        String text() {
            if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
                return cased(raw.toString());
            }
            throw ProblemException.invalidField(path, "is a single value");
        }

        String[] texts() {
            Collection<?> items = raw instanceof Collection<?> list ? list : raw == null ? List.of() : List.of(raw);
            if (items.isEmpty() || items.size() > 1000 || items.stream().anyMatch(item -> item == null || item instanceof Collection<?> || item instanceof Map<?, ?>)) {
                throw ProblemException.invalidField(path, "is a list of 1 to 1000 values");
            }
            return items.stream().map(item -> cased(item.toString())).toArray(String[]::new);
        }

        List<Object> list(int size) {
            if (raw instanceof List<?> items && items.size() == size) {
                return new ArrayList<>(items);
            }
            throw ProblemException.invalidField(path, "is a list of " + size + " values");
        }

        boolean bool() {
            if (raw instanceof Boolean value) {
                return value;
            }
            throw ProblemException.invalidField(path, "is true or false");
        }

        java.util.UUID uuid() {
            try {
                return java.util.UUID.fromString(text());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField(path, "is a customer id");
            }
        }

        private String cased(String value) {
            return switch (valueCase) {
                case UPPER -> value.toUpperCase(Locale.ROOT);
                case LOWER -> value.toLowerCase(Locale.ROOT);
                case AS_IS -> value;
            };
        }
    }
}
