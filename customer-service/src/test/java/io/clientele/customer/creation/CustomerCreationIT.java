package io.clientele.customer.creation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.CustomerCreated;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class CustomerCreationIT extends CustomerServiceITSupport {

    private static final String SITE = "one-step";
    private static boolean created;

    @BeforeEach
    void site() {
        if (!created) {
            createSite(SITE);
            created = true;
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCustomerIsCreatedWithGroupsConsentNotesAndAnInvitationInOneStep() {
        Map<?, ?> customer = send(HttpMethod.POST, SITE, "/customers", """
                {"email": "iris@one-step.test", "firstName": "Iris", "groups": ["Patrons", "Gala 2026"],
                 "consent": {"optedIn": true, "source": "manual", "evidence": {"form": "paper, signed at the gala"}},
                 "notes": [{"text": "Met at the gala"}, {"text": "Prefers phone calls"}], "invite": true}""")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = customer.get("id").toString();

        assertThat((List<Object>) customer.get("groups")).containsExactlyInAnyOrder("Patrons", "Gala 2026");
        assertThat(customer.get("marketingOptIn")).isEqualTo(true);
        get(SITE, "/customers/" + id).expectBody()
                .jsonPath("$.notes[*].text").isEqualTo(List.of("Met at the gala", "Prefers phone calls"))
                .jsonPath("$.notes[0].author").isEqualTo("owner");
        get(SITE, "/customers/" + id + "/consent").expectBody()
                .jsonPath("$[0].evidence.form").isEqualTo("paper, signed at the gala")
                .jsonPath("$[0].evidence.recordedBy").isEqualTo("owner");
        CustomerCreated announced = await().atMost(Duration.ofSeconds(20)).until(() -> events(Topics.CUSTOMER_EVENTS).stream()
                .map(record -> record.value()).filter(CustomerCreated.class::isInstance).map(CustomerCreated.class::cast)
                .filter(event -> event.getCustomerId().equals(id)).findFirst().orElse(null), event -> event != null);
        assertThat(announced.getInvite()).isTrue();
    }

    @Test
    void aPartThatIsWrongIsRefusedBeforeAnythingIsWritten() {
        send(HttpMethod.POST, SITE, "/customers", """
                {"email": "half@one-step.test", "groups": ["Patrons"], "consent": {"optedIn": true, "source": "carrier pigeon"}}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("consent.source");
        send(HttpMethod.POST, SITE, "/customers", """
                {"email": "half@one-step.test", "notes": [{"text": "  "}]}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("notes.text");
        send(HttpMethod.POST, SITE, "/customers", """
                {"smsNumber": "+447700900123", "invite": true}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("invite");
        send(HttpMethod.POST, SITE, "/customers", """
                {"email": "half@one-step.test", "groups": ["Patrons"], "smart": true}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("smart");

        assertThat(count("SELECT count(*) AS n FROM customers WHERE site_id = '" + SITE + "' AND email = 'half@one-step.test'"))
                .isZero();
    }
}
