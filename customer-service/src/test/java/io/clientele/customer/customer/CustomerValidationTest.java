package io.clientele.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.platform.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules a customer record keeps, whoever writes it. */
class CustomerValidationTest {

    @Test
    void aCustomerIsAnsweredNormalisedWithItsDefaults() {
        CustomerDraft valid = CustomerValidation.validated(CustomerDrafts.whole(Map.of("email", "  Ada@Example.TEST ",
                "firstName", " Ada ", "country", "gb", "phone", "020 7946 0018", "status", "pending")), false);

        assertThat(valid.firstName()).isEqualTo("Ada");
        assertThat(valid.country()).isEqualTo("GB");
        assertThat(valid.phone()).isEqualTo("+442079460018");
        assertThat(valid.status()).isEqualTo("PENDING");
        assertThat(valid.preferredContentType()).isEqualTo("UNKNOWN");
        assertThat(valid.accountActive()).isTrue();
    }

    @Test
    void everyCustomerHasAnEmailAddressOrAnSmsNumber() {
        assertThat(fieldsRefused(Map.of("firstName", "Ada"), false)).containsExactly("email", "smsNumber");
        assertThat(CustomerValidation.validated(CustomerDrafts.whole(Map.of("smsNumber", "+447700900123")), false).smsNumber())
                .isEqualTo("+447700900123");
    }

    @Test
    void aSiteThatRequiresNamesHasThemAndEveryProblemIsNamedAtOnce() {
        assertThat(fieldsRefused(Map.of("email", "ada@example.test"), true)).containsExactly("firstName", "lastName");
        assertThat(fieldsRefused(Map.of("email", "not an address", "country", "XX", "status", "GONE",
                "tags", List.of("x".repeat(51))), false)).contains("email", "country", "status", "tags");
    }

    private static List<String> fieldsRefused(Map<String, Object> fields, boolean requireNames) {
        try {
            CustomerValidation.validated(CustomerDrafts.whole(fields), requireNames);
        } catch (ProblemException refused) {
            return ((List<?>) refused.getBody().getProperties().get("errors")).stream()
                    .map(error -> ((ProblemException.FieldError) error).field()).toList();
        }
        throw new AssertionError("accepted: " + fields);
    }
}
