package io.clientele.access.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.clientele.access.AccessServiceITSupport;
import io.clientele.events.CustomerLoggedIn;
import io.clientele.events.LoginPlatform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class LoginIT extends AccessServiceITSupport {

    @Test
    void aLogInAnswersASessionTokenWithTheCustomersGroupsAndIsRecordedWithCountryAndPlatform() {
        String customerId = customerWithPassword("lodge", "member@lodge.test", "members", "board");

        Session session = http.post().uri("/api/v1/sites/lodge/sessions").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", anAddress()).header("CF-IPCountry", "fr").header("X-Client-Platform", "ios")
                .bodyValue(new Login(" Member@Lodge.test ", PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(Session.class).returnResult().getResponseBody();
        http.post().uri("/api/v1/sites/lodge/sessions").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", anAddress())
                .header("User-Agent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile")
                .bodyValue(new Login("member@lodge.test", PASSWORD)).exchange().expectStatus().isOk();

        assertThat(session.customerId()).isEqualTo(customerId);
        assertThat(session.groups()).containsExactlyInAnyOrder("board", "members");
        assertThat(session.expiresAt()).isAfter(clock.instant().plus(Duration.ofHours(7)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsFor(CustomerLoggedIn.class, customerId))
                .extracting(CustomerLoggedIn::getPlatform, CustomerLoggedIn::getCountry)
                .containsExactly(tuple(LoginPlatform.IOS, "FR"),
                        tuple(LoginPlatform.ANDROID, null)));
    }

    @Test
    void anUnknownEMailAWrongPasswordAndACustomerWithoutPasswordGetTheSameAnswer() {
        customerWithPassword("lodge", "known@lodge.test", "members");
        knownCustomer("lodge", "nopassword@lodge.test", "members");

        EntityExchangeResult<byte[]> wrongPassword = failedLogIn("known@lodge.test", "not the right password");
        EntityExchangeResult<byte[]> unknownEmail = failedLogIn("stranger@lodge.test", "not the right password");
        EntityExchangeResult<byte[]> noPassword = failedLogIn("nopassword@lodge.test", "not the right password");

        for (EntityExchangeResult<byte[]> other : List.of(unknownEmail, noPassword)) {
            assertThat(other.getStatus()).isEqualTo(wrongPassword.getStatus());
            assertThat(new String(other.getResponseBody())).isEqualTo(new String(wrongPassword.getResponseBody()));
            assertThat(other.getResponseHeaders().headerNames()).isEqualTo(wrongPassword.getResponseHeaders().headerNames());
        }
        assertThat(wrongPassword.getStatus().value()).isEqualTo(401);
    }

    @Test
    void aDeactivatedAccountCannotLogIn() {
        String customerId = customerWithPassword("lodge", "former@lodge.test", "members");
        updateCustomer("lodge", customerId, "former@lodge.test", false, "members");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                logIn("lodge", "former@lodge.test", PASSWORD, anAddress()).expectStatus().isForbidden()
                        .expectBody().jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("/account-inactive")));
    }

    @Test
    void failedLogInsAreLimitedPerAccountAndAddressWhetherOrNotTheAccountExists() {
        customerWithPassword("lodge", "target@lodge.test", "members");
        String guesser = anAddress();
        for (int attempt = 0; attempt < 5; attempt++) {
            logIn("lodge", "target@lodge.test", "guessing " + attempt, guesser).expectStatus().isUnauthorized();
            logIn("lodge", "ghost@lodge.test", "guessing " + attempt, guesser).expectStatus().isUnauthorized();
        }

        logIn("lodge", "target@lodge.test", PASSWORD, guesser).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        logIn("lodge", "ghost@lodge.test", PASSWORD, guesser).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        logIn("lodge", "target@lodge.test", PASSWORD, guesser).expectStatus().isOk();
    }

    @Test
    void aStrangersFailuresDoNotLockTheCustomerOut() {
        customerWithPassword("lodge", "locked-out@lodge.test", "members");
        String stranger = anAddress();
        for (int attempt = 0; attempt < 30; attempt++) {
            logIn("lodge", "locked-out@lodge.test", "guessing " + attempt, stranger);
        }

        logIn("lodge", "locked-out@lodge.test", PASSWORD, stranger).expectStatus().isEqualTo(429);
        logIn("lodge", "locked-out@lodge.test", PASSWORD, anAddress()).expectStatus().isOk();
    }

    @Test
    void guessesSpreadOverManyAddressesBlockTheAccountEverywhere() {
        customerWithPassword("lodge", "spread@lodge.test", "members");
        for (int attempt = 0; attempt < 50; attempt++) {
            logIn("lodge", "spread@lodge.test", "guessing " + attempt, anAddress()).expectStatus().isUnauthorized();
        }

        logIn("lodge", "spread@lodge.test", PASSWORD, anAddress()).expectStatus().isEqualTo(429);
    }

    @Test
    void passwordSprayingWithForgedForwardingHopsIsBlockedAtTheAddressLimit() {
        customerWithPassword("lodge", "sprayed@lodge.test", "members");
        String sprayer = anAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            // The sprayer writes a new first hop each time; the gateway appends the address it really saw.
            String forged = "203.0." + attempt + ".1, " + sprayer;
            statuses.add(http.post().uri("/api/v1/sites/{siteId}/sessions", "lodge").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Forwarded-For", forged)
                    .bodyValue(new Login("spray" + attempt + "@lodge.test", "Summer2026!")).exchange()
                    .returnResult(String.class).getStatus().value());
        }

        assertThat(statuses.subList(0, 20)).containsOnly(401);
        assertThat(statuses.subList(20, 30)).containsOnly(429);
        logIn("lodge", "sprayed@lodge.test", PASSWORD, "203.0.113.9, " + sprayer).expectStatus().isEqualTo(429);
    }

    @Test
    void parallelWrongPasswordsAreCheckedNoMoreThanTheLimit() throws Exception {
        customerWithPassword("lodge", "raced@lodge.test", "members");
        String racer = anAddress();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int attempt = 0; attempt < 12; attempt++) {
                String guess = "guess " + attempt;
                answers.add(pool.submit(() -> logIn("lodge", "raced@lodge.test", guess, racer)
                        .returnResult(String.class).getStatus().value()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == 401).hasSizeLessThanOrEqualTo(5);
            assertThat(statuses).filteredOn(status -> status == 429).hasSizeGreaterThanOrEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedLogInsAreLimitedPerClientAddress() {
        customerWithPassword("lodge", "bystander@lodge.test", "members");
        String attacker = anAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            logIn("lodge", "victim" + attempt + "@lodge.test", "guessing", attacker).expectStatus().isUnauthorized();
        }

        logIn("lodge", "bystander@lodge.test", PASSWORD, attacker).expectStatus().isEqualTo(429);
        logIn("lodge", "bystander@lodge.test", PASSWORD, anAddress()).expectStatus().isOk();
    }

    private EntityExchangeResult<byte[]> failedLogIn(String email, String password) {
        return logIn("lodge", email, password, anAddress()).expectBody().returnResult();
    }
}
