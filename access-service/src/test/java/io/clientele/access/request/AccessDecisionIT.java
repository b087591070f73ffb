package io.clientele.access.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.access.AccessServiceITSupport;
import io.clientele.events.AccessApproved;
import io.clientele.events.AccessRejected;
import io.clientele.events.AccessRequested;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.InvitationIssued;
import io.clientele.events.SignupChannel;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class AccessDecisionIT extends AccessServiceITSupport {

    @Test
    void anApprovalIntoGroupsIsAnnouncedInvitesACustomerWithoutPasswordAndCannotBeDecidedAgain() {
        String customerId = knownCustomer("theatre", "actor@theatre.test");
        String requestId = requested("theatre", customerId, "actor@theatre.test", "backstage");

        decide("theatre", requestId, "approve", "{\"groups\": [\"crew\", \"cast\"]}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("APPROVED").jsonPath("$.groups").isEqualTo(List.of("crew", "cast"))
                .jsonPath("$.decidedBy").isEqualTo("owner");
        http.get().uri("/api/v1/sites/theatre/access-requests/{id}", requestId).headers(h -> h.setBearerAuth(tokenFor("theatre")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPROVED")
                .jsonPath("$.decidedBy").isEqualTo("owner");
        http.get().uri("/api/v1/sites/other/access-requests/{id}", requestId).headers(h -> h.setBearerAuth(tokenFor("other")))
                .exchange().expectStatus().isNotFound();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(eventsFor(AccessApproved.class, customerId)).singleElement().satisfies(approved -> {
                assertThat(approved.getGroups()).containsExactly("crew", "cast");
                assertThat(approved.getRequestId()).isEqualTo(requestId);
                assertThat(approved.getPageId()).isEqualTo("backstage");
            });
            assertThat(eventsFor(InvitationIssued.class, customerId)).hasSize(1);
        });
        decide("theatre", requestId, "approve", "{\"groups\": [\"crew\"]}").expectStatus().isEqualTo(409);
        decide("theatre", requestId, "reject", "{\"reason\": \"changed my mind\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("/access-request-decided"));
    }

    @Test
    void aRejectionWithItsReasonIsAnnouncedAndListed() {
        String customerId = knownCustomer("theatre", "critic@theatre.test");
        String requestId = requested("theatre", customerId, "critic@theatre.test", "rehearsals");

        decide("theatre", requestId, "reject", "{\"reason\": \"Rehearsals are closed to the press.\"}").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsFor(AccessRejected.class, customerId))
                .singleElement().satisfies(rejected -> assertThat(rejected.getReason()).isEqualTo("Rehearsals are closed to the press.")));
        http.get().uri("/api/v1/sites/theatre/access-requests?status=REJECTED").headers(h -> h.setBearerAuth(tokenFor("theatre")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + requestId + "')].rejectionReason").isEqualTo(List.of("Rehearsals are closed to the press."));
        assertThat(eventsFor(InvitationIssued.class, customerId)).isEmpty();
    }

    @Test
    void anApprovalWithoutGroupsTakesThePagesAndACustomerWithAPasswordIsNotInvitedAgain() {
        String customerId = customerWithPassword("theatre", "regular@theatre.test");
        protect("theatre", "foyer", "patrons");
        String requestId = requested("theatre", customerId, "regular@theatre.test", "foyer");

        decide("theatre", requestId, "approve", null).expectStatus().isOk()
                .expectBody().jsonPath("$.groups").isEqualTo(List.of("patrons"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsFor(AccessApproved.class, customerId))
                .singleElement().satisfies(approved -> assertThat(approved.getGroups()).containsExactly("patrons")));
        assertThat(eventsFor(InvitationIssued.class, customerId)).hasSize(1);
    }

    @Test
    void badDecisionsAndOtherSitesAreRefused() {
        String customerId = knownCustomer("theatre", "extra@theatre.test");
        String requestId = requested("theatre", customerId, "extra@theatre.test", "unprotected-page");

        decide("theatre", requestId, "approve", "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("groups");
        decide("theatre", requestId, "reject", "{\"reason\": \"" + "x".repeat(501) + "\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        decide("cinema", requestId, "reject", "{}").expectStatus().isNotFound();
        decide("theatre", UUID.randomUUID().toString(), "reject", "{}").expectStatus().isNotFound();
        http.post().uri("/api/v1/sites/theatre/access-requests/{id}/reject", requestId)
                .headers(h -> h.setBearerAuth(tokenFor("cinema"))).exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/sites/theatre/access-requests/{id}/reject", requestId).exchange().expectStatus().isUnauthorized();
        assertThat(count("SELECT count(*) AS n FROM access_requests WHERE id = '" + requestId + "' AND status = 'PENDING'"))
                .isEqualTo(1);
    }

    private String requested(String siteId, String customerId, String email, String pageId) {
        publish(Topics.CUSTOMER_EVENTS, customerId, CustomerCaptured.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId(siteId).setCustomerId(customerId).setEmail(email)
                .setChannel(SignupChannel.ACCESS_REQUEST).setPageId(pageId).setNewCustomer(false)
                .setSignupEventId(Events.newEventId()).build());
        return await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(AccessRequested.class, customerId),
                requests -> !requests.isEmpty()).getLast().getRequestId();
    }

    private WebTestClient.ResponseSpec decide(String siteId, String requestId, String decision, String body) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/sites/{siteId}/access-requests/{id}/" + decision, siteId, requestId)
                .headers(h -> h.setBearerAuth(tokenFor(siteId)));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
