package io.clientele.customer.search;

import java.util.List;

/**
 * Conditions in groups: within a group they combine by the group's {@code match}, and the groups by the filter's.
 *
 * @param match ALL (every group holds) or ANY (one does); ALL when absent
 */
public record CustomerFilter(String match, List<Group> groups) {

    public static CustomerFilter allOf(Condition... conditions) {
        return new CustomerFilter("ALL", List.of(new Group("ALL", List.of(conditions))));
    }

    /** @param match ALL or ANY of the conditions; ALL when absent */
    public record Group(String match, List<Condition> conditions) {
    }

    /**
     * @param field a field of {@link io.clientele.customer.customer.CustomerFields}
     * @param op    an operator that applies to the field's kind (eq, in, contains, between, hasAny, ...)
     * @param value a text, number, boolean or list, as the operator wants
     */
    public record Condition(String field, String op, Object value) {
    }
}
