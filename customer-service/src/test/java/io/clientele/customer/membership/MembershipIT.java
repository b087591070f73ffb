package io.clientele.customer.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.AccessApproved;
import io.clientele.events.AccessRejected;
import io.clientele.events.CustomerLoggedIn;
import io.clientele.events.CustomerUpdated;
import io.clientele.events.LoginPlatform;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class MembershipIT extends CustomerServiceITSupport {

    private static final String ACCESS_REQUEST = "{\"channel\": \"ACCESS_REQUEST\", \"pageId\": \"collection\"}";

    @Test
    void theOwnerPutsACustomerInGroupsAndOtherServicesLearnTheCustomerAsItNowIs() {
        createSite("club");
        String customerId = captured("club", "member@club.test", ACCESS_REQUEST);

        putGroups("club", customerId, "[\" gold \", \"staff\", \"gold\"]").expectStatus().isOk()
                .expectBody().jsonPath("$.groups").isEqualTo(List.of("gold", "staff"));
        putGroups("club", customerId, "[\"staff\", \"gold\"]").expectStatus().isOk();
        putGroups("club", customerId, "[\"gold\"]").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(updatesOf(customerId))
                .extracting(CustomerUpdated::getGroups)
                .containsExactly(List.of("gold", "staff"), List.of("gold")));
        CustomerUpdated latest = updatesOf(customerId).getLast();
        assertThat(latest.getEmail()).isEqualTo("member@club.test");
        assertThat(latest.getAccountActive()).isTrue();
        http.get().uri("/api/v1/sites/club/groups").headers(h -> h.setBearerAuth(tokenFor("club"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.name == 'gold')].members").isEqualTo(List.of(1));
    }

    @Test
    void aDeactivatedAccountIsAnnounced() {
        createSite("club");
        String customerId = captured("club", "leaver@club.test", ACCESS_REQUEST);

        http.put().uri("/api/v1/sites/club/customers/{id}/account", customerId).headers(h -> h.setBearerAuth(tokenFor("club")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"active\": false}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.accountActive").isEqualTo(false);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(updatesOf(customerId))
                .singleElement().satisfies(updated -> assertThat(updated.getAccountActive()).isFalse()));
        http.get().uri("/api/v1/sites/club/customers/{id}", customerId).headers(h -> h.setBearerAuth(tokenFor("club")))
                .exchange().expectBody().jsonPath("$.accountActive").isEqualTo(false);
    }

    @Test
    void badChangesAndOtherSitesAreRefused() {
        createSite("club");
        createSite("rival");
        String customerId = captured("club", "guarded@club.test", ACCESS_REQUEST);

        putGroups("club", customerId, "[\"  \"]").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("groups");
        putGroups("club", customerId, "[\"" + "x".repeat(101) + "\"]").expectStatus().isBadRequest();
        http.put().uri("/api/v1/sites/club/customers/{id}/account", customerId).headers(h -> h.setBearerAuth(tokenFor("club")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("active");
        putGroups("club", UUID.randomUUID().toString(), "[\"gold\"]").expectStatus().isNotFound();
        http.put().uri("/api/v1/sites/club/customers/{id}/groups", customerId).headers(h -> h.setBearerAuth(tokenFor("rival")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"groups\": [\"gold\"]}").exchange()
                .expectStatus().isForbidden();
        putGroups("rival", customerId, "[\"gold\"]").expectStatus().isNotFound();
        assertThat(count("SELECT count(*) AS n FROM customer_groups WHERE customer_id = '" + customerId + "'")).isZero();
    }

    @Test
    void anApprovalPutsTheCustomerInTheChosenGroupsOnceAndDecisionsAndLogInsReachTheTimeline() {
        createSite("museum");
        String customerId = captured("museum", "visitor@museum.test", ACCESS_REQUEST);
        AccessApproved approved = AccessApproved.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now())
                .setSiteId("museum").setRequestId(UUID.randomUUID().toString()).setCustomerId(customerId)
                .setEmail("visitor@museum.test").setPageId("collection").setGroups(List.of("friends", "patrons")).build();
        AccessRejected rejected = AccessRejected.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now())
                .setSiteId("museum").setRequestId(UUID.randomUUID().toString()).setCustomerId(customerId)
                .setEmail("visitor@museum.test").setPageId("archive").setReason("Staff only").build();
        CustomerLoggedIn loggedIn = CustomerLoggedIn.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now())
                .setSiteId("museum").setCustomerId(customerId).setPlatform(LoginPlatform.IOS).setCountry("FR").build();

        publish(Topics.ACCESS_EVENTS, customerId, approved);
        publish(Topics.ACCESS_EVENTS, customerId, approved);
        publish(Topics.ACCESS_EVENTS, customerId, rejected);
        publish(Topics.ACCESS_EVENTS, customerId, loggedIn);

        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(customerId, "LOGGED_IN") == 1);
        assertThat(timeline(customerId, "ACCESS_APPROVED")).isEqualTo(1);
        assertThat(timeline(customerId, "ACCESS_REJECTED")).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM timeline_entries WHERE customer_id = '" + customerId
                + "' AND type = 'LOGGED_IN' AND details->>'country' = 'FR' AND details->>'platform' = 'IOS'")).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM timeline_entries WHERE customer_id = '" + customerId
                + "' AND type = 'ACCESS_REJECTED' AND details->>'reason' = 'Staff only'")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(updatesOf(customerId))
                .singleElement().satisfies(updated -> assertThat(updated.getGroups()).containsExactly("friends", "patrons")));
    }

    private WebTestClient.ResponseSpec putGroups(String siteId, String customerId, String groups) {
        return http.put().uri("/api/v1/sites/{siteId}/customers/{id}/groups", siteId, customerId)
                .headers(h -> h.setBearerAuth(tokenFor(siteId))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"groups\": " + groups + "}").exchange();
    }

    private long timeline(String customerId, String type) {
        return count("SELECT count(*) AS n FROM timeline_entries WHERE customer_id = '" + customerId + "' AND type = '" + type + "'");
    }

    private static List<CustomerUpdated> updatesOf(String customerId) {
        return events(Topics.CUSTOMER_EVENTS).stream().map(record -> record.value())
                .filter(CustomerUpdated.class::isInstance).map(CustomerUpdated.class::cast)
                .filter(updated -> updated.getCustomerId().equals(customerId)).toList();
    }
}
