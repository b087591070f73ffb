package io.clientele.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class FilterFormTest {

    private static final Map<String, String> KINDS = Map.of("tags", "TAGS", "country", "TEXT", "marketingOptIn", "BOOLEAN",
            "birthDate", "DATE");

    @Test
    void theFormsGroupsBecomeTheQueryWithEachValueAsItsOperatorWantsIt() {
        MultiValueMap<String, String> form = form(
                "match", "ALL",
                "0.match", "ALL", "0.0.field", "tags", "0.0.op", "hasAny", "0.0.value", "vip, press ,",
                "0.1.field", "marketingOptIn", "0.1.op", "eq", "0.1.value", "true",
                "1.match", "any", "1.0.field", "country", "1.0.op", "eq", "1.0.value", " FR ",
                "1.1.field", "birthDate", "1.1.op", "between", "1.1.value", "1980-01-01,1989-12-31",
                "1.2.field", "country", "1.2.op", "isEmpty", "1.2.value", "ignored");

        assertThat(FilterForm.read(form).query(KINDS)).isEqualTo(Map.of("filter", Map.of("match", "ALL", "groups", List.of(
                Map.of("match", "ALL", "conditions", List.of(
                        condition("tags", "hasAny", List.of("vip", "press")),
                        condition("marketingOptIn", "eq", true))),
                Map.of("match", "ANY", "conditions", List.of(
                        condition("country", "eq", "FR"),
                        condition("birthDate", "between", List.of("1980-01-01", "1989-12-31")),
                        condition("country", "isEmpty", null)))))));
    }

    @Test
    void conditionsWithoutAFieldAreLeftOutAndNoConditionMeansEveryCustomer() {
        assertThat(FilterForm.empty().query(KINDS)).isEmpty();
        MultiValueMap<String, String> form = form("match", "ANY", "0.match", "ALL", "0.0.field", "", "0.0.op", "eq",
                "0.0.value", "x");
        assertThat(FilterForm.read(form).query(KINDS)).isEmpty();
    }

    @Test
    void aSavedQueryReadsBackAsTheFormThatMadeIt() {
        FilterForm built = FilterForm.empty().withGroup();
        MultiValueMap<String, String> form = form("match", "ANY", "0.match", "ALL", "0.0.field", "tags", "0.0.op", "hasAll",
                "0.0.value", "a, b", "1.match", "ANY", "1.0.field", "marketingOptIn", "1.0.op", "eq", "1.0.value", "false");
        FilterForm read = FilterForm.read(form);

        assertThat(built.groups()).hasSize(2);
        assertThat(FilterForm.of(read.query(KINDS))).isEqualTo(read);
    }

    @Test
    void removingAGroupsLastConditionRemovesTheGroupAndTheLastGroupLeavesAnEmptyFilter() {
        FilterForm two = FilterForm.empty().withGroup().withCondition(1);
        assertThat(two.groups().get(1).conditions()).hasSize(2);
        FilterForm one = two.without(0, 0);
        assertThat(one.groups()).hasSize(1);
        assertThat(one.without(0, 0).without(0, 0)).isEqualTo(FilterForm.empty());
        assertThat(one.without(5, 0)).isEqualTo(one);
    }

    private static Map<String, Object> condition(String field, String op, Object value) {
        Map<String, Object> condition = new java.util.LinkedHashMap<>();
        condition.put("field", field);
        condition.put("op", op);
        condition.put("value", value);
        return condition;
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }
}
