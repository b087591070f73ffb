package io.clientele.access.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.access.AccessServiceITSupport;
import io.clientele.events.CustomerCreated;
import io.clientele.events.CustomerEmailVerified;
import io.clientele.events.InvitationIssued;
import io.clientele.events.PasswordResetRequested;
import io.clientele.events.SignupChannel;
import io.clientele.platform.embedded.SharedInfrastructure;
import io.clientele.platform.embedded.TopicReader;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class InvitationAndResetIT extends AccessServiceITSupport {

    @Test
    void aLinksPageAsksWhetherItIsStillGoodWithoutUsingItUp() {
        String customerId = knownCustomer("atelier-status", "status@atelier.test");
        String token = invite("atelier-status", customerId);

        status("atelier-status", token).jsonPath("$.valid").isEqualTo(true).jsonPath("$.purpose").isEqualTo("INVITATION");
        status("atelier-status", token).jsonPath("$.valid").isEqualTo(true);
        status("other-site", token).jsonPath("$.valid").isEqualTo(false);
        setPassword("atelier-status", token, PASSWORD).expectStatus().isNoContent();
        status("atelier-status", token).jsonPath("$.valid").isEqualTo(false).jsonPath("$.purpose").doesNotExist();
        status("atelier-status", "never-issued").jsonPath("$.valid").isEqualTo(false);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec status(String siteId, String token) {
        return http.post().uri("/api/v1/sites/{siteId}/links/status", siteId).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", anAddress()).bodyValue(java.util.Map.of("token", token)).exchange()
                .expectStatus().isOk().expectBody();
    }

    @Test
    void anInvitationLinkCarries256RandomBitsIsStoredOnlyAsAHashAndSetsThePasswordOnce() {
        String customerId = knownCustomer("atelier", "painter@atelier.test", "members");

        String token = invite("atelier", customerId);

        assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(count("SELECT count(*) AS n FROM link_tokens WHERE customer_id = '" + customerId + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM link_tokens WHERE token_hash = '" + token + "' OR position('"
                + token + "' IN token_hash) > 0")).isZero();
        InvitationIssued issued = eventsFor(InvitationIssued.class, customerId).getLast();
        assertThat(Duration.between(issued.getOccurredAt(), issued.getExpiresAt())).isEqualTo(Duration.ofDays(7));

        setPassword("atelier", token, PASSWORD).expectStatus().isNoContent();
        setPassword("atelier", token, "another fine password").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("/link-not-valid"))
                .jsonPath("$.errors[0].field").isEqualTo("token");

        logIn("atelier", "painter@atelier.test", PASSWORD, anAddress()).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsFor(CustomerEmailVerified.class, customerId))
                .singleElement().satisfies(verified -> assertThat(verified.getEmail()).isEqualTo("painter@atelier.test")));
        assertThat(count("SELECT count(*) AS n FROM credentials WHERE customer_id = '" + customerId
                + "' AND password_hash LIKE '$argon2id$%'")).isEqualTo(1);
    }

    @Test
    void aLinkUsedSevenDaysAndOneSecondAfterItWasSentIsRefusedOneUsedJustBeforeWorks() {
        clock.freeze();
        String late = knownCustomer("atelier", "late@atelier.test", "members");
        String lateToken = invite("atelier", late);
        String onTime = knownCustomer("atelier", "ontime@atelier.test", "members");
        String onTimeToken = invite("atelier", onTime);

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        setPassword("atelier", onTimeToken, PASSWORD).expectStatus().isNoContent();
        clock.advance(Duration.ofSeconds(2));
        setPassword("atelier", lateToken, PASSWORD).expectStatus().isBadRequest();
        assertThat(count("SELECT count(*) AS n FROM credentials WHERE customer_id = '" + late + "'")).isZero();
    }

    @Test
    void aCustomerCreatedWithAnInvitationAskedForIsInvitedAndOneWithoutIsNot() {
        String invited = created("invited-at-creation", "new@atelier.test", true);
        String uninvited = created("invited-at-creation", "quiet@atelier.test", false);

        InvitationIssued issued = await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsFor(InvitationIssued.class, invited), found -> !found.isEmpty()).getFirst();
        assertThat(issued.getEmail()).isEqualTo("new@atelier.test");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) AS n FROM customers WHERE customer_id = '"
                + uninvited + "'") == 1);
        // The directory's row and the invitation are written in one transaction: none came with the second.
        assertThat(count("SELECT count(*) AS n FROM link_tokens WHERE customer_id = '" + uninvited + "'")).isZero();
    }

    private String created(String siteId, String email, boolean invite) {
        String customerId = UUID.randomUUID().toString();
        publish(Topics.CUSTOMER_EVENTS, customerId, CustomerCreated.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(Instant.now())
                .setSiteId(siteId).setCustomerId(customerId).setEmail(email).setFirstName("Noa").setStatus("ACTIVE")
                .setSourceChannel(SignupChannel.MANUAL).setInvite(invite).build());
        return customerId;
    }

    @Test
    void aNewInvitationVoidsTheEarlierOne() {
        String customerId = knownCustomer("atelier", "twice@atelier.test", "members");
        String first = invite("atelier", customerId);
        String second = invite("atelier", customerId);

        setPassword("atelier", first, PASSWORD).expectStatus().isBadRequest();
        setPassword("atelier", second, PASSWORD).expectStatus().isNoContent();
    }

    @Test
    void aPasswordBelowThePolicyIsRefusedAndLeavesTheLinkUsable() {
        String customerId = knownCustomer("atelier", "weak@atelier.test", "members");
        String token = invite("atelier", customerId);

        for (String weak : List.of("short", "password123", "weak@atelier.test", "aaaaaaaaaaaa")) {
            setPassword("atelier", token, weak).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        }
        setPassword("atelier", token, PASSWORD).expectStatus().isNoContent();
    }

    @Test
    void aLinkWorksOnlyOnItsOwnSite() {
        String customerId = knownCustomer("atelier", "roamer@atelier.test", "members");
        String token = invite("atelier", customerId);

        setPassword("gallery", token, PASSWORD).expectStatus().isBadRequest();
        setPassword("atelier", token, PASSWORD).expectStatus().isNoContent();
    }

    @Test
    void invitationsAreForKnownActiveCustomersOfTheSiteOnly() {
        String customerId = knownCustomer("atelier", "guest@atelier.test", "members");
        // access-service knows no such customer of "gallery" and customer-service, to be asked, is not running here.
        http.post().uri("/api/v1/sites/gallery/customers/{id}/invitations", customerId)
                .headers(h -> h.setBearerAuth(tokenFor("gallery"))).exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/customer-service-unavailable");
        http.post().uri("/api/v1/sites/atelier/customers/{id}/invitations", customerId)
                .headers(h -> h.setBearerAuth(tokenFor("gallery"))).exchange().expectStatus().isForbidden();
        updateCustomer("atelier", customerId, "guest@atelier.test", false, "members");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                http.post().uri("/api/v1/sites/atelier/customers/{id}/invitations", customerId)
                        .headers(h -> h.setBearerAuth(tokenFor("atelier"))).exchange().expectStatus().isEqualTo(409));
    }

    @Test
    void aResetRequestAnswersTheSameForKnownAndUnknownEMailsAndMailsOnlyTheCustomer() {
        String customerId = customerWithPassword("atelier", "forgetful@atelier.test", "members");

        byte[] known = requestReset("atelier", "Forgetful@Atelier.test");
        byte[] unknown = requestReset("atelier", "nobody@atelier.test");

        assertThat(new String(unknown)).isEqualTo(new String(known));
        PasswordResetRequested requested = await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsFor(PasswordResetRequested.class, customerId), events -> !events.isEmpty()).getFirst();
        assertThat(Duration.between(requested.getOccurredAt(), requested.getExpiresAt())).isEqualTo(Duration.ofHours(24));
        assertThat(events(Topics.ACCESS_EVENTS).stream().map(record -> record.value())
                .filter(PasswordResetRequested.class::isInstance).map(PasswordResetRequested.class::cast)
                .filter(event -> event.getEmail().equals("nobody@atelier.test"))).isEmpty();
    }

    @Test
    void aResetLinkUsed24HoursAndOneSecondAfterItWasSentIsRefused() {
        String customerId = customerWithPassword("atelier", "slow@atelier.test", "members");
        requestReset("atelier", "slow@atelier.test");
        String token = resetToken(customerId, 1);
        PasswordResetRequested requested = eventsFor(PasswordResetRequested.class, customerId).getFirst();

        clock.advance(Duration.between(clock.instant(), requested.getOccurredAt().plus(Duration.ofHours(24)).plusSeconds(1)));
        setPassword("atelier", token, "a brand new passphrase").expectStatus().isBadRequest();
    }

    @Test
    void aResetEndsTheCustomersEarlierSessions() {
        String customerId = customerWithPassword("atelier", "resetter@atelier.test", "members");
        protect("atelier", "studio", "members");
        String earlierSession = sessionOf("atelier", "resetter@atelier.test");
        access("atelier", "studio", earlierSession).jsonPath("$.allowed").isEqualTo(true);

        requestReset("atelier", "resetter@atelier.test");
        setPassword("atelier", resetToken(customerId, 1), "a brand new passphrase").expectStatus().isNoContent();

        access("atelier", "studio", earlierSession).jsonPath("$.allowed").isEqualTo(false)
                .jsonPath("$.reason").isEqualTo("NOT_LOGGED_IN");
        logIn("atelier", "resetter@atelier.test", PASSWORD, anAddress()).expectStatus().isUnauthorized();
        String newSession = logIn("atelier", "resetter@atelier.test", "a brand new passphrase", anAddress())
                .expectStatus().isOk().expectBody(Session.class).returnResult().getResponseBody().token();
        access("atelier", "studio", newSession).jsonPath("$.allowed").isEqualTo(true);
    }

    @Test
    void aFloodOfResetRequestsForOneCustomerSendsOneLinkThatStaysGood() {
        String customerId = customerWithPassword("atelier", "flooded@atelier.test", "members");

        for (int request = 0; request < 100; request++) {
            // From many addresses, as a flood that the per-address limit does not stop.
            http.post().uri("/api/v1/sites/atelier/password-resets").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Forwarded-For", anAddress())
                    .bodyValue("{\"email\": \"flooded@atelier.test\"}").exchange().expectStatus().isAccepted();
        }

        String token = resetToken(customerId, 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) AS n FROM password_reset_requests") == 0);
        assertThat(eventsFor(PasswordResetRequested.class, customerId)).hasSize(1);
        setPassword("atelier", token, "a brand new passphrase").expectStatus().isNoContent();
    }

    @Test
    void pastTenResetRequestsFromOneAddressTheAnswerIs429AndNothingIsQueued() {
        for (int request = 0; request < 10; request++) {
            requestReset("atelier", "someone" + request + "@atelier.test");
        }
        http.post().uri("/api/v1/sites/atelier/password-resets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"one-more@atelier.test\"}").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/rate-limited");
    }

    @Test
    void noTopicAndNoOutboxRowHoldsAUsableLinkToken() {
        String customerId = customerWithPassword("atelier", "sealed@atelier.test", "members");
        String invitation = invite("atelier", customerId);
        requestReset("atelier", "sealed@atelier.test");
        String reset = resetToken(customerId, 1);

        for (String token : List.of(invitation, reset)) {
            assertThat(TopicReader.rawRecords(SharedInfrastructure.get().kafka().bootstrapServers(), Topics.ACCESS_EVENTS))
                    .noneMatch(record -> new String(record.value(), StandardCharsets.ISO_8859_1).contains(token));
            assertThat(count("SELECT count(*) AS n FROM outbox WHERE position(convert_to('" + token + "', 'UTF8') IN payload) > 0"))
                    .isZero();
        }
        setPassword("atelier", reset, "a brand new passphrase").expectStatus().isNoContent();
    }

    private byte[] requestReset(String siteId, String email) {
        return http.post().uri("/api/v1/sites/{siteId}/password-resets", siteId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"" + email + "\"}").exchange()
                .expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody();
    }

    private String resetToken(String customerId, int nth) {
        return linkSeal.open(await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(PasswordResetRequested.class, customerId),
                events -> events.size() >= nth).get(nth - 1).getSealedToken());
    }
}
