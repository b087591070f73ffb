package io.clientele.access.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.events.AccessRequested;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.SignupChannel;
import io.clientele.platform.outbox.Events;
import io.clientele.access.AccessServiceITSupport;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessRequestCaptureIT extends AccessServiceITSupport {

    @Test
    void anAccessRequestCaptureBecomesOnePendingRequestAndIsAnnounced() {
        String customerId = UUID.randomUUID().toString();
        CustomerCaptured capture = capture("museum", customerId, SignupChannel.ACCESS_REQUEST, "members-only");

        publish(Topics.CUSTOMER_EVENTS, customerId, capture);
        publish(Topics.CUSTOMER_EVENTS, customerId, capture);
        publish(Topics.CUSTOMER_EVENTS, customerId, capture("museum", customerId, SignupChannel.ACCESS_REQUEST, "members-only"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(announced(customerId)).hasSize(1));
        AccessRequested requested = announced(customerId).getFirst();
        assertThat(requested.getPageId()).isEqualTo("members-only");
        assertThat(requested.getEmail()).isEqualTo("visitor@museum.test");
        assertThat(requested.getSiteId()).isEqualTo("museum");

        http.get().uri("/api/v1/sites/museum/access-requests?status=PENDING")
                .headers(h -> h.setBearerAuth(tokenFor("museum"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(requested.getRequestId())
                .jsonPath("$.items[0].customerId").isEqualTo(customerId)
                .jsonPath("$.items[0].pageId").isEqualTo("members-only")
                .jsonPath("$.items[0].status").isEqualTo("PENDING")
                .jsonPath("$.items[0].firstName").isEqualTo("Vera");
        assertThat(count("SELECT count(*) AS n FROM access_requests WHERE customer_id = '" + customerId + "'")).isEqualTo(1);
    }

    @Test
    void otherCapturesOpenNoRequest() {
        String customerId = UUID.randomUUID().toString();
        publish(Topics.CUSTOMER_EVENTS, customerId, capture("library", customerId, SignupChannel.NEWSLETTER, null));
        String marker = UUID.randomUUID().toString();
        publish(Topics.CUSTOMER_EVENTS, marker, capture("library", marker, SignupChannel.ACCESS_REQUEST, "archive"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(announced(marker)).hasSize(1));
        assertThat(count("SELECT count(*) AS n FROM access_requests WHERE customer_id = '" + customerId + "'")).isZero();
    }

    @Test
    void requestsAreListedByCustomerAPageAtATime() {
        String customer = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        for (String page : List.of("hall-1", "hall-2", "hall-3")) {
            publish(Topics.CUSTOMER_EVENTS, customer, capture("gallery", customer, SignupChannel.ACCESS_REQUEST, page));
        }
        publish(Topics.CUSTOMER_EVENTS, other, capture("gallery", other, SignupChannel.ACCESS_REQUEST, "hall-1"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(announced(customer)).hasSize(3);
            assertThat(announced(other)).hasSize(1);
        });

        List<Map<?, ?>> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String before = next;
            Map<?, ?> page = http.get().uri(uri -> uri.path("/api/v1/sites/gallery/access-requests").queryParam("customerId", customer)
                            .queryParam("limit", 2).queryParamIfPresent("before", Optional.ofNullable(before)).build())
                    .headers(h -> h.setBearerAuth(tokenFor("gallery"))).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            ((List<?>) page.get("items")).forEach(item -> seen.add((Map<?, ?>) item));
            next = (String) page.get("next");
            pages++;
        } while (next != null);
        assertThat(pages).isEqualTo(2);
        assertThat(seen.stream().map(item -> String.valueOf(item.get("customerId")))).containsOnly(customer);
        assertThat(seen.stream().map(item -> String.valueOf(item.get("pageId")))).containsExactlyInAnyOrder("hall-1", "hall-2", "hall-3");

        http.get().uri("/api/v1/sites/gallery/access-requests?customerID=" + customer)
                .headers(h -> h.setBearerAuth(tokenFor("gallery"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("customerID");
    }

    @Test
    void listingIsPerSiteAndChecksItsParameters() {
        http.get().uri("/api/v1/sites/museum/access-requests?status=MAYBE")
                .headers(h -> h.setBearerAuth(tokenFor("museum"))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        http.get().uri("/api/v1/sites/museum/access-requests").headers(h -> h.setBearerAuth(tokenFor("library"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/sites/nobody-here/access-requests?status=PENDING")
                .headers(h -> h.setBearerAuth(tokenFor("nobody-here"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    private static CustomerCaptured capture(String siteId, String customerId, SignupChannel channel, String pageId) {
        return CustomerCaptured.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setCustomerId(customerId)
                .setEmail("visitor@" + siteId + ".test")
                .setFirstName("Vera")
                .setLastName("Visitor")
                .setChannel(channel)
                .setPageId(pageId)
                .setOptIn(false)
                .setNewCustomer(true)
                .setSignupEventId(Events.newEventId())
                .build();
    }

    private static List<AccessRequested> announced(String customerId) {
        return events(Topics.ACCESS_EVENTS).stream()
                .map(record -> record.value())
                .filter(AccessRequested.class::isInstance)
                .map(AccessRequested.class::cast)
                .filter(requested -> requested.getCustomerId().equals(customerId))
                .toList();
    }
}
