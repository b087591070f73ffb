package io.clientele.customer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.customer.search.CustomerFilter.Condition;
import io.clientele.customer.search.CustomerFilter.Group;
import io.clientele.platform.web.ProblemException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a query's words and filter become the WHERE clause over the site's customers. */
class QueryCompilerTest {

    @Test
    void conditionsInAGroupJoinByItsMatchAndGroupsByTheFilters() {
        SqlWhere where = compiled(new CustomerFilter("ANY", List.of(
                new Group("ALL", List.of(new Condition("country", "eq", "fr"), new Condition("tags", "hasAny", List.of("vip")))),
                new Group("ANY", List.of(new Condition("email", "eq", "Ada@Example.TEST"), new Condition("accountActive", "eq", true))))));

        assertThat(where.sql()).isEqualTo("c.site_id = :p0 AND ((c.country = :p1 AND c.tags && CAST(:p2 AS text[]))"
                + " OR (c.email_normalized = :p3 OR c.account_active = :p4))");
        // A country is compared upper-cased and an e-mail address lower-cased, as they are stored.
        assertThat(where.values().values()).containsExactly("site", "FR", new String[] {"vip"}, "ada@example.test", true);
    }

    @Test
    void aDateForATimeStandsForItsWholeDayInUtc() {
        SqlWhere upTo = compiled(CustomerFilter.allOf(new Condition("createdAt", "lte", "2026-03-31")));
        assertThat(upTo.sql()).endsWith("c.created_at < CAST(:p1 AS timestamptz)))");
        assertThat(upTo.values()).containsEntry("p1", "2026-04-01T00:00:00Z");

        SqlWhere quarter = compiled(CustomerFilter.allOf(new Condition("createdAt", "between", List.of("2026-01-01", "2026-03-31"))));
        assertThat(quarter.values().values()).containsExactly("site", "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z");

        SqlWhere instant = compiled(CustomerFilter.allOf(new Condition("createdAt", "lte", "2026-03-31T12:00:00+02:00")));
        assertThat(instant.sql()).endsWith("c.created_at <= CAST(:p1 AS timestamptz)))");
        assertThat(instant.values()).containsEntry("p1", "2026-03-31T10:00:00Z");
    }

    @Test
    void wordsAreLookedForInTheSearchTextAndInTheOneFieldNamed() {
        SqlWhere anywhere = QueryCompiler.where("site", new CustomerQuery("Hélène DUPRÉ", null, null, null, null));
        assertThat(anywhere.sql()).isEqualTo("c.site_id = :p0 AND c.search_text LIKE :p1 AND c.search_text LIKE :p2");
        assertThat(anywhere.values().values()).containsExactly("site", "%helene%", "%dupre%");

        SqlWhere byName = QueryCompiler.where("site", new CustomerQuery("helene", "name", null, null, null));
        assertThat(byName.sql()).isEqualTo("c.site_id = :p0 AND c.search_name LIKE :p1");
    }

    @Test
    void whatIsWrongIsNamedWithItsPlaceInTheRequest() {
        assertRefused(CustomerFilter.allOf(new Condition("shoeSize", "eq", 44)), "filter.groups[0].conditions[0].field", "shoeSize");
        assertRefused(CustomerFilter.allOf(new Condition("tags", "contains", "v")), "filter.groups[0].conditions[0].op", "hasAny");
        assertRefused(CustomerFilter.allOf(new Condition("birthDate", "eq", "31/03/1980")), "filter.groups[0].conditions[0].value",
                "2026-03-31");
        assertRefused(CustomerFilter.allOf(new Condition("accountActive", "eq", "yes")), "filter.groups[0].conditions[0].value",
                "true or false");
        assertRefused(new CustomerFilter("SOME", List.of()), "filter.match", "ALL or ANY");
        assertRefused(new CustomerFilter("ALL", List.of(new Group("ALL",
                Collections.nCopies(QueryCompiler.MAX_CONDITIONS + 1, new Condition("country", "eq", "FR"))))), "filter", "at most");
        assertThatThrownBy(() -> QueryCompiler.where("site", new CustomerQuery("x", "shoeSize", null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, refused -> assertThat(refused.getBody().getProperties().toString())
                        .contains("field=field"));
    }

    @Test
    void anEmptyFilterFindsEveryCustomerOfTheSite() {
        assertThat(compiled(new CustomerFilter(null, List.of())).sql()).isEqualTo("c.site_id = :p0 AND true");
        assertThat(QueryCompiler.where("site", CustomerQuery.matching(null)).sql()).isEqualTo("c.site_id = :p0");
    }

    private static SqlWhere compiled(CustomerFilter filter) {
        return QueryCompiler.where("site", CustomerQuery.matching(filter));
    }

    private static void assertRefused(CustomerFilter filter, String field, String saying) {
        assertThatThrownBy(() -> compiled(filter)).isInstanceOfSatisfying(ProblemException.class, refused -> {
            List<?> errors = (List<?>) refused.getBody().getProperties().get("errors");
            ProblemException.FieldError error = (ProblemException.FieldError) errors.getFirst();
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).contains(saying);
        });
    }
}
