package io.clientele.access.group;

import static org.awaitility.Awaitility.await;

import io.clientele.access.AccessServiceITSupport;
import io.clientele.events.CustomerDeleted;
import io.clientele.events.GroupChange;
import io.clientele.events.GroupChanged;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GroupChangesIT extends AccessServiceITSupport {

    @Test
    void aRenamedGroupKeepsItsMembersOnItsPagesAfterTheyLogInAgain() {
        String member = "renamed@lodge.test";
        customerWithPassword("lodge", member, "founders");
        protect("lodge", "hall", "founders");
        String before = sessionOf("lodge", member);
        access("lodge", "hall", before).jsonPath("$.allowed").isEqualTo(true);

        publish(Topics.GROUP_EVENTS, "lodge", groupChanged("lodge", GroupChange.RENAMED, "elders", "founders"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> access("lodge", "hall", before)
                .jsonPath("$.allowed").isEqualTo(false).jsonPath("$.reason").isEqualTo("NOT_LOGGED_IN"));
        // Sessions and pages are two replicas, each refreshed on its own.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri("/api/v1/sites/lodge/pages/hall")
                .headers(h -> h.setBearerAuth(tokenFor("lodge"))).exchange()
                .expectBody().jsonPath("$.groups[0]").isEqualTo("elders"));
        access("lodge", "hall", sessionOf("lodge", member)).jsonPath("$.allowed").isEqualTo(true);
    }

    @Test
    void aDeletedGroupLetsNobodyInAndADeletedCustomerCannotLogIn() {
        String member = "deleted@lodge.test";
        String customerId = customerWithPassword("lodge", member, "guests");
        protect("lodge", "porch", "guests");
        String session = sessionOf("lodge", member);

        publish(Topics.GROUP_EVENTS, "lodge", groupChanged("lodge", GroupChange.DELETED, "guests", null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> access("lodge", "porch", session)
                .jsonPath("$.allowed").isEqualTo(false));
        access("lodge", "porch", sessionOf("lodge", member)).jsonPath("$.reason").isEqualTo("NOT_IN_ALLOWED_GROUP");

        publish(Topics.CUSTOMER_EVENTS, customerId, CustomerDeleted.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("lodge").setCustomerId(customerId).setEmail(member).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) AS n FROM credentials WHERE customer_id = '"
                + customerId + "'") == 0);
        logIn("lodge", member, PASSWORD, anAddress()).expectStatus().isUnauthorized();
    }

    private static GroupChanged groupChanged(String siteId, GroupChange change, String name, String previousName) {
        return GroupChanged.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now()).setSiteId(siteId)
                .setChange(change).setName(name).setPreviousName(previousName).build();
    }
}
