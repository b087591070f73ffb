package io.clientele.access.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.access.AccessServiceITSupport;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerErased;
import io.clientele.events.CustomerErasureConfirmed;
import io.clientele.events.CustomerMerged;
import io.clientele.events.SignupChannel;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What access-service does when customer-service merges customers, reports on one, or erases one. */
class CustomerLifecycleIT extends AccessServiceITSupport {

    @Test
    void aMergedCustomersRequestsPasswordAndLinksBelongToTheSurvivorAndItsSessionsEnd() {
        String survivor = knownCustomer("merging", "ann@merging.test");
        String merged = customerWithPassword("merging", "ann.lee@merging.test", "members");
        String session = sessionOf("merging", "ann.lee@merging.test");
        protect("merging", "lounge", "members");
        access("merging", "lounge", session).jsonPath("$.allowed").isEqualTo(true);
        requestAccess("merging", merged, "ann.lee@merging.test", "vault");

        publish(Topics.CUSTOMER_EVENTS, merged, CustomerMerged.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("merging").setCustomerId(survivor).setMergedCustomerId(merged).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) AS n FROM customers WHERE customer_id = '"
                + merged + "'") == 0);
        http.get().uri("/api/v1/sites/merging/access-requests?status=PENDING").headers(h -> h.setBearerAuth(tokenFor("merging")))
                .exchange().expectBody().jsonPath("$.items[0].customerId").isEqualTo(survivor);
        assertThat(count("SELECT count(*) AS n FROM credentials WHERE customer_id = '" + survivor + "'")).isEqualTo(1);
        logIn("merging", "ann@merging.test", PASSWORD, anAddress()).expectStatus().isOk()
                .expectBody().jsonPath("$.customerId").isEqualTo(survivor);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                access("merging", "lounge", session).jsonPath("$.allowed").isEqualTo(false));
    }

    @Test
    void anErasureDeletesWhatIsKeptAboutTheCustomerAndIsConfirmed() throws Exception {
        String email = "erin@erasing.test";
        String customerId = customerWithPassword("erasing", email);
        requestAccess("erasing", customerId, email, "vault");
        logIn("erasing", email, "not the password", anAddress()).expectStatus().isUnauthorized();
        http.get().uri("/api/v1/sites/erasing/customers/{id}/personal-data", customerId)
                .headers(h -> h.setBearerAuth(tokenFor("erasing"))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.contact[0].email").isEqualTo(email)
                .jsonPath("$.accessRequests[0].page_id").isEqualTo("vault")
                .jsonPath("$.accessRequests[0].status").isEqualTo("PENDING")
                .jsonPath("$.password.length()").isEqualTo(1)
                .jsonPath("$.links[0].purpose").isEqualTo("INVITATION");
        // The account's two counters: from the address the attempt came from, and from every address.
        assertThat(count("SELECT count(*) AS n FROM login_failures WHERE scope LIKE '%" + email + "%'")).isEqualTo(2);

        CustomerErased erased = CustomerErased.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now())
                .setSiteId("erasing").setCustomerId(customerId).setIdentifierHashes(List.of(sha256(email))).build();
        publish(Topics.CUSTOMER_EVENTS, customerId, erased);
        publish(Topics.CUSTOMER_EVENTS, customerId, erased);

        List<CustomerErasureConfirmed> confirmed = await().atMost(Duration.ofSeconds(30))
                .until(() -> eventsFor(CustomerErasureConfirmed.class, customerId), found -> !found.isEmpty());
        assertThat(confirmed).singleElement().satisfies(confirmation -> {
            assertThat(confirmation.getService()).isEqualTo("access-service");
            assertThat(confirmation.getErased()).isGreaterThanOrEqualTo(5);
        });
        for (String table : List.of("customers", "access_requests", "credentials", "link_tokens")) {
            assertThat(count("SELECT count(*) AS n FROM " + table + " WHERE customer_id = '" + customerId + "'")).as(table).isZero();
        }
        assertThat(count("SELECT count(*) AS n FROM login_failures WHERE scope LIKE '%" + email + "%'")).isZero();
        assertThat(count("SELECT count(*) AS n FROM outbox WHERE position(convert_to('" + customerId + "', 'UTF8') IN payload) > 0"
                + " AND type <> 'io.clientele.events.CustomerErasureConfirmed'")).isZero();
    }

    private void requestAccess(String siteId, String customerId, String email, String pageId) {
        publish(Topics.CUSTOMER_EVENTS, customerId, CustomerCaptured.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId(siteId).setCustomerId(customerId).setEmail(email)
                .setFirstName("Ann").setChannel(SignupChannel.ACCESS_REQUEST).setPageId(pageId).setOptIn(false)
                .setNewCustomer(false).setSignupEventId(Events.newEventId()).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) AS n FROM access_requests WHERE customer_id = '"
                + customerId + "' AND status = 'PENDING'") == 1);
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
