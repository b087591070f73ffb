package io.clientele.access;

import static org.awaitility.Awaitility.await;

import io.clientele.access.testing.TestClock;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.CustomerUpdated;
import io.clientele.events.InvitationIssued;
import io.clientele.events.SignupChannel;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.testing.ServiceITSupport;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of access-service's integration tests: a clock they can move forward, and the steps that make a customer
 * who can log in.
 */
@Import(AccessServiceITSupport.Clocks.class)
@TestPropertySource(properties = "clientele.customer-service.url=http://localhost:1")
public abstract class AccessServiceITSupport extends ServiceITSupport {

    protected static final String PASSWORD = "correct horse battery staple";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @Autowired
    protected TestClock clock;

    @AfterEach
    void clockBackToNow() {
        clock.reset();
    }

    /** A customer customer-service announced, in these groups; answers its id once access-service knows it. */
    protected String knownCustomer(String siteId, String email, String... groups) {
        String customerId = UUID.randomUUID().toString();
        publish(Topics.CUSTOMER_EVENTS, customerId, CustomerCaptured.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId(siteId).setCustomerId(customerId).setEmail(email)
                .setFirstName("Ada").setLastName("Lovelace").setChannel(SignupChannel.REGISTRATION).setOptIn(false)
                .setNewCustomer(true).setSignupEventId(Events.newEventId()).build());
        updateCustomer(siteId, customerId, email, true, groups);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) AS n FROM customers WHERE customer_id = '"
                + customerId + "' AND groups = '{" + String.join(",", groups) + "}'") == 1);
        return customerId;
    }

    /** customer-service's picture of the customer after a change of account state or groups. */
    protected void updateCustomer(String siteId, String customerId, String email, boolean active, String... groups) {
        publish(Topics.CUSTOMER_EVENTS, customerId, CustomerUpdated.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId(siteId).setCustomerId(customerId).setEmail(email)
                .setFirstName("Ada").setLastName("Lovelace").setAccountActive(active).setGroups(List.of(groups)).build());
    }

    /** Invites the customer and answers the token of the link the e-mail carries. */
    protected String invite(String siteId, String customerId) {
        int before = eventsFor(InvitationIssued.class, customerId).size();
        http.post().uri("/api/v1/sites/{siteId}/customers/{id}/invitations", siteId, customerId)
                .headers(h -> h.setBearerAuth(tokenFor(siteId))).exchange()
                .expectStatus().isAccepted();
        return linkSeal.open(await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(InvitationIssued.class, customerId),
                issued -> issued.size() > before).getLast().getSealedToken());
    }

    protected WebTestClient.ResponseSpec setPassword(String siteId, String token, String password) {
        return http.post().uri("/api/v1/sites/{siteId}/password", siteId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new NewPassword(token, password)).exchange();
    }

    protected WebTestClient.ResponseSpec logIn(String siteId, String email, String password, String clientAddress) {
        return http.post().uri("/api/v1/sites/{siteId}/sessions", siteId).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", clientAddress)
                .bodyValue(new Login(email, password)).exchange();
    }

    /** A customer in these groups who has set {@link #PASSWORD}; answers its id. */
    protected String customerWithPassword(String siteId, String email, String... groups) {
        String customerId = knownCustomer(siteId, email, groups);
        setPassword(siteId, invite(siteId, customerId), PASSWORD).expectStatus().isNoContent();
        return customerId;
    }

    /** Logs the customer in from an address of its own and answers the session token. */
    protected String sessionOf(String siteId, String email) {
        return logIn(siteId, email, PASSWORD, anAddress()).expectStatus().isOk()
                .expectBody(Session.class).returnResult().getResponseBody().token();
    }

    protected WebTestClient.BodyContentSpec access(String siteId, String pageId, String sessionToken) {
        return http.get().uri("/api/v1/sites/{siteId}/pages/{pageId}/access", siteId, pageId)
                .headers(h -> {
                    if (sessionToken != null) {
                        h.setBearerAuth(sessionToken);
                    }
                })
                .exchange().expectStatus().isOk().expectBody();
    }

    protected void protect(String siteId, String pageId, String... groups) {
        http.put().uri("/api/v1/sites/{siteId}/pages/{pageId}", siteId, pageId).headers(h -> h.setBearerAuth(tokenFor(siteId)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new Groups(List.of(groups))).exchange()
                .expectStatus().isOk();
    }

    protected static <E extends SpecificRecord> List<E> eventsFor(Class<E> type, String customerId) {
        return events(Topics.ACCESS_EVENTS).stream()
                .filter(record -> Objects.equals(record.key(), customerId))
                .map(record -> record.value()).filter(type::isInstance).map(type::cast).toList();
    }

    public record NewPassword(String token, String password) {
    }

    public record Login(String email, String password) {
    }

    public record Session(String token, Instant expiresAt, String customerId, List<String> groups) {
    }

    public record Groups(List<String> groups) {
    }
}
