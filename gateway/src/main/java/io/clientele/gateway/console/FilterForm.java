package io.clientele.gateway.console;

import io.clientele.gateway.Forms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * A filter as the Filters page builds it: groups of conditions, the conditions of a group joined by its match (ALL
 * is AND, ANY is OR) and the groups by the filter's. The page's form names group {@code g}'s match {@code g.match}
 * and its condition {@code c}'s parts {@code g.c.field}, {@code g.c.op} and {@code g.c.value}; a value of several
 * items (for "is one of", "between") is written with commas.
 */
record FilterForm(String match, List<Group> groups) {

    private static final Set<String> LISTS = Set.of("in", "notIn", "hasAny", "hasAll", "hasNone");
    private static final Set<String> WITHOUT_VALUE = Set.of("isEmpty", "isNotEmpty");
    private static final String BETWEEN = "between";

    record Group(String match, List<Condition> conditions) {
    }

    record Condition(String field, String op, String value) {

        static final Condition BLANK = new Condition("", "", "");

        boolean blank() {
            return field.isEmpty();
        }
    }

    static FilterForm empty() {
        return new FilterForm("ALL", List.of(new Group("ALL", List.of(Condition.BLANK))));
    }

    static FilterForm inGroup(String group) {
        return new FilterForm("ALL", List.of(new Group("ALL", List.of(new Condition("groups", "hasAny", group)))));
    }

    static FilterForm read(MultiValueMap<String, String> form) {
        List<Group> groups = new ArrayList<>();
        for (int g = 0; form.containsKey(g + ".match"); g++) {
            List<Condition> conditions = new ArrayList<>();
            for (int c = 0; form.containsKey(g + "." + c + ".field"); c++) {
                String at = g + "." + c + ".";
                conditions.add(new Condition(Forms.field(form, at + "field"), Forms.field(form, at + "op"),
                        Forms.field(form, at + "value")));
            }
            groups.add(new Group(match(Forms.field(form, g + ".match")), conditions));
        }
        return groups.isEmpty() ? empty() : new FilterForm(match(Forms.field(form, "match")), groups);
    }

    /** The filter of a saved query, as the page shows it to change. */
    @SuppressWarnings("unchecked")
    static FilterForm of(Map<String, Object> query) {
        if (!(query.get("filter") instanceof Map<?, ?> filter) || !(filter.get("groups") instanceof List<?> saved) || saved.isEmpty()) {
            return empty();
        }
        List<Group> groups = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) saved) {
            List<Condition> conditions = new ArrayList<>();
            for (Map<String, Object> condition : (List<Map<String, Object>>) group.getOrDefault("conditions", List.of())) {
                Object value = condition.get("value");
                conditions.add(new Condition(String.valueOf(condition.get("field")), String.valueOf(condition.get("op")),
                        value == null ? "" : value instanceof List<?> items
                                ? items.stream().map(String::valueOf).collect(Collectors.joining(", ")) : String.valueOf(value)));
            }
            groups.add(new Group(match((String) group.get("match")), conditions));
        }
        return new FilterForm(match((String) filter.get("match")), groups);
    }

    FilterForm withCondition(int group) {
        return changing(group, conditions -> conditions.add(Condition.BLANK));
    }

    FilterForm withGroup() {
        List<Group> more = new ArrayList<>(groups);
        more.add(new Group("ALL", List.of(Condition.BLANK)));
        return new FilterForm(match, more);
    }

    FilterForm without(int group, int condition) {
        FilterForm fewer = changing(group, conditions -> {
            if (condition >= 0 && condition < conditions.size()) {
                conditions.remove(condition);
            }
        });
        List<Group> kept = fewer.groups.stream().filter(g -> !g.conditions().isEmpty()).toList();
        return kept.isEmpty() ? empty() : new FilterForm(match, kept);
    }

    private FilterForm changing(int group, java.util.function.Consumer<List<Condition>> change) {
        List<Group> changed = new ArrayList<>(groups);
        if (group >= 0 && group < changed.size()) {
            List<Condition> conditions = new ArrayList<>(changed.get(group).conditions());
            change.accept(conditions);
            changed.set(group, new Group(changed.get(group).match(), conditions));
        }
        return new FilterForm(match, changed);
    }

    /**
     * The query the customers API runs: the conditions whose field is chosen, each value as its field's kind and
     * operator want it (a yes or no for a true-or-false field, a list for "is one of"). The API says what is wrong.
     *
     * @param kinds each field's kind, as customer-service names them
     */
    Map<String, Object> query(Map<String, String> kinds) {
        List<Map<String, Object>> apiGroups = new ArrayList<>();
        for (Group group : groups) {
            List<Map<String, Object>> conditions = new ArrayList<>();
            for (Condition condition : group.conditions()) {
                if (condition.blank()) {
                    continue;
                }
                Map<String, Object> apiCondition = new LinkedHashMap<>();
                apiCondition.put("field", condition.field());
                apiCondition.put("op", condition.op());
                apiCondition.put("value", value(condition, kinds.get(condition.field())));
                conditions.add(apiCondition);
            }
            if (!conditions.isEmpty()) {
                apiGroups.add(Map.of("match", group.match(), "conditions", conditions));
            }
        }
        return apiGroups.isEmpty() ? Map.of() : Map.of("filter", Map.of("match", match, "groups", apiGroups));
    }

    private static Object value(Condition condition, String kind) {
        String op = condition.op();
        if (WITHOUT_VALUE.contains(op)) {
            return null;
        }
        if (LISTS.contains(op) || BETWEEN.equals(op)) {
            return Forms.commaSeparated(condition.value());
        }
        if ("BOOLEAN".equals(kind)) {
            return switch (condition.value()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> condition.value();
            };
        }
        return condition.value();
    }

    private static String match(String match) {
        return "ANY".equalsIgnoreCase(match) ? "ANY" : "ALL";
    }
}
