package io.clientele.access.page;

import static org.awaitility.Awaitility.await;

import io.clientele.access.AccessServiceITSupport;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.SignupChannel;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class PageAccessIT extends AccessServiceITSupport {

    @Test
    void aPageIsOpenToLoggedInActiveCustomersOfAnAllowedGroupOnly() {
        customerWithPassword("guild", "gold@guild.test", "gold");
        customerWithPassword("guild", "silver@guild.test", "silver");
        protect("guild", "vault", "gold", "platinum");
        String gold = sessionOf("guild", "gold@guild.test");
        String silver = sessionOf("guild", "silver@guild.test");

        access("guild", "lobby", null).jsonPath("$.allowed").isEqualTo(true).jsonPath("$.reason").isEqualTo("NOT_PROTECTED");
        access("guild", "vault", null).jsonPath("$.allowed").isEqualTo(false).jsonPath("$.reason").isEqualTo("NOT_LOGGED_IN");
        access("guild", "vault", gold).jsonPath("$.allowed").isEqualTo(true).jsonPath("$.reason").isEqualTo("MEMBER");
        access("guild", "vault", silver).jsonPath("$.allowed").isEqualTo(false).jsonPath("$.reason").isEqualTo("NOT_IN_ALLOWED_GROUP");

        http.delete().uri("/api/v1/sites/guild/pages/vault").headers(h -> h.setBearerAuth(tokenFor("guild"))).exchange()
                .expectStatus().isNoContent();
        access("guild", "vault", silver).jsonPath("$.allowed").isEqualTo(true).jsonPath("$.reason").isEqualTo("NOT_PROTECTED");
    }

    @Test
    void aCustomerWaitingForTheOwnersDecisionIsToldSo() {
        String customerId = customerWithPassword("guild", "hopeful@guild.test", "silver");
        protect("guild", "archive", "gold");
        publish(Topics.CUSTOMER_EVENTS, customerId, CustomerCaptured.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("guild").setCustomerId(customerId).setEmail("hopeful@guild.test")
                .setChannel(SignupChannel.ACCESS_REQUEST).setPageId("archive").setNewCustomer(false)
                .setSignupEventId(Events.newEventId()).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) AS n FROM access_requests WHERE customer_id = '"
                + customerId + "' AND status = 'PENDING'") == 1);

        access("guild", "archive", sessionOf("guild", "hopeful@guild.test"))
                .jsonPath("$.allowed").isEqualTo(false).jsonPath("$.reason").isEqualTo("PENDING_REQUEST");
    }

    @Test
    void tamperedForeignSiteAdminAndExpiredTokensAreNotSessions() {
        customerWithPassword("guild", "member@guild.test", "gold");
        customerWithPassword("rival", "member@rival.test", "gold");
        protect("guild", "vault", "gold");
        String session = sessionOf("guild", "member@guild.test");
        String[] parts = session.split("\\.");
        String tamperedClaims = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "QQ" : "AA") + "." + parts[2];
        String tamperedSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        access("guild", "vault", tamperedClaims).jsonPath("$.reason").isEqualTo("NOT_LOGGED_IN");
        access("guild", "vault", tamperedSignature).jsonPath("$.reason").isEqualTo("NOT_LOGGED_IN");
        access("guild", "vault", parts[0] + "." + parts[1] + ".").jsonPath("$.reason").isEqualTo("NOT_LOGGED_IN");
        access("guild", "vault", sessionOf("rival", "member@rival.test")).jsonPath("$.reason").isEqualTo("NOT_LOGGED_IN");
        access("guild", "vault", tokenFor("guild")).jsonPath("$.reason").isEqualTo("NOT_LOGGED_IN");
        access("guild", "vault", session).jsonPath("$.allowed").isEqualTo(true);

        clock.advance(Duration.ofHours(8).plusSeconds(1));
        access("guild", "vault", session).jsonPath("$.allowed").isEqualTo(false).jsonPath("$.reason").isEqualTo("NOT_LOGGED_IN");
    }

    @Test
    void aSessionTokenIsNoAdminToken() {
        customerWithPassword("guild", "climber@guild.test", "gold");
        http.get().uri("/api/v1/sites/guild/access-requests")
                .headers(h -> h.setBearerAuth(sessionOf("guild", "climber@guild.test"))).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void deactivationAndLeavingAGroupEndTheSessions() {
        String leaver = customerWithPassword("guild", "leaver@guild.test", "gold", "silver");
        String dormant = customerWithPassword("guild", "dormant@guild.test", "gold");
        protect("guild", "vault", "gold");
        String leaverSession = sessionOf("guild", "leaver@guild.test");
        String dormantSession = sessionOf("guild", "dormant@guild.test");

        updateCustomer("guild", leaver, "leaver@guild.test", true, "silver");
        updateCustomer("guild", dormant, "dormant@guild.test", false, "gold");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> access("guild", "vault", dormantSession)
                .jsonPath("$.allowed").isEqualTo(false).jsonPath("$.reason").isEqualTo("INACTIVE"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> access("guild", "vault", leaverSession)
                .jsonPath("$.allowed").isEqualTo(false).jsonPath("$.reason").isEqualTo("NOT_LOGGED_IN"));
        access("guild", "vault", sessionOf("guild", "leaver@guild.test"))
                .jsonPath("$.reason").isEqualTo("NOT_IN_ALLOWED_GROUP");
    }

    @Test
    void theOwnerSetsAndListsProtectedPagesOfTheirSiteOnly() {
        protect("guild", "hall", "gold");
        http.get().uri("/api/v1/sites/guild/pages/hall").headers(h -> h.setBearerAuth(tokenFor("guild"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.groups").isEqualTo(List.of("gold"));
        http.get().uri("/api/v1/sites/guild/pages").headers(h -> h.setBearerAuth(tokenFor("guild"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.pageId == 'hall')].groups[0]").isEqualTo(List.of("gold"));
        http.put().uri("/api/v1/sites/guild/pages/hall").headers(h -> h.setBearerAuth(tokenFor("guild")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new Groups(List.of())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("groups");
        http.put().uri("/api/v1/sites/guild/pages/hall").headers(h -> h.setBearerAuth(tokenFor("rival")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new Groups(List.of("gold"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/sites/rival/pages/hall").headers(h -> h.setBearerAuth(tokenFor("rival"))).exchange()
                .expectStatus().isNotFound();
    }
}
