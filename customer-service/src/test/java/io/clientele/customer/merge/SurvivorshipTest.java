package io.clientele.customer.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.customer.customer.CustomerDraft;
import io.clientele.customer.customer.CustomerDrafts;
import io.clientele.platform.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** What two customers merge into. */
class SurvivorshipTest {

    private static final CustomerDraft KEPT = CustomerDrafts.whole(Map.of("firstName", "Léa", "email", "lea@example.test",
            "organization", "Old Org", "tags", List.of("vip"), "metadata", Map.of("plan", "gold", "seat", "12"),
            "externalIds", Map.of("crm", "C-1")));
    private static final CustomerDraft MERGED = CustomerDrafts.whole(Map.of("firstName", "Lea", "lastName", "Martin",
            "email", "lea.bis@example.test", "organization", "New Org", "tags", List.of("press", "vip"),
            "metadata", Map.of("plan", "silver", "team", "blue"), "externalIds", Map.of("shop", "S-9")));

    @Test
    void theKeptCustomersValuesStayAndItsEmptyFieldsTakeTheMergedOnes() {
        CustomerDraft result = Survivorship.merged(KEPT, MERGED, List.of());

        assertThat(result.firstName()).isEqualTo("Léa");
        assertThat(result.email()).isEqualTo("lea@example.test");
        assertThat(result.organization()).isEqualTo("Old Org");
        assertThat(result.lastName()).isEqualTo("Martin");
    }

    @Test
    void aFieldNamedIsTakenFromTheMergedCustomer() {
        CustomerDraft result = Survivorship.merged(KEPT, MERGED, List.of("organization", "email"));

        assertThat(result.organization()).isEqualTo("New Org");
        assertThat(result.email()).isEqualTo("lea.bis@example.test");
        assertThat(result.firstName()).isEqualTo("Léa");
    }

    @Test
    void tagsOtherDataAndExternalIdsAreCombinedTheKeptCustomerWinningAKeyBothHave() {
        CustomerDraft result = Survivorship.merged(KEPT, MERGED, List.of());

        assertThat(result.tags()).containsExactly("vip", "press");
        assertThat(result.metadata()).isEqualTo(Map.of("plan", "gold", "seat", "12", "team", "blue"));
        assertThat(result.externalIds()).isEqualTo(Map.of("crm", "C-1", "shop", "S-9"));
    }

    @Test
    void twoIdsInOneSystemRefuseTheMergeAndSoDoesAFieldThatIsCombinedOrUnknown() {
        CustomerDraft otherCrm = CustomerDrafts.patched(MERGED, Map.of("externalIds", Map.of("crm", "C-2")));
        assertThatThrownBy(() -> Survivorship.merged(KEPT, otherCrm, List.of()))
                .isInstanceOfSatisfying(ProblemException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(refused.getBody().getProperties().toString()).contains("externalIds.crm");
                });
        assertThatThrownBy(() -> Survivorship.merged(KEPT, MERGED, List.of("tags"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Survivorship.merged(KEPT, MERGED, List.of("shoeSize"))).isInstanceOf(ProblemException.class);
    }
}
