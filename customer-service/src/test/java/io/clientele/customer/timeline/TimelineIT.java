package io.clientele.customer.timeline;

import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.NotificationSent;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class TimelineIT extends CustomerServiceITSupport {

    @Test
    void aTimelineShowsWhatHappenedNewestFirstFilteredAndPaged() {
        createSite("diary");
        String id = createCustomer("diary", "{\"email\": \"dana@example.test\", \"firstName\": \"Dana\"}");
        send(HttpMethod.PATCH, "diary", "/customers/" + id, "{\"lastName\": \"Diaz\"}").expectStatus().isOk();
        send(HttpMethod.POST, "diary", "/customers/" + id + "/timeline",
                "{\"type\": \"PHONE_CALL\", \"occurredAt\": \"2026-01-10T09:00:00Z\", \"details\": {\"about\": \"renewal\"}}")
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.channel").isEqualTo("API").jsonPath("$.details.about").isEqualTo("renewal");
        send(HttpMethod.POST, "diary", "/customers/" + id + "/timeline",
                "{\"type\": \"SHOP_PURCHASE\", \"occurredAt\": \"2026-02-10T09:00:00Z\"}").expectStatus().isCreated();
        publish(Topics.NOTIFICATION_EVENTS, id, NotificationSent.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("diary").setNotificationId(UUID.randomUUID().toString())
                .setTemplate("invitation").setRecipient("dana@example.test").setCustomerId(id).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) AS n FROM timeline_entries WHERE customer_id = '"
                + id + "' AND type = 'EMAIL_SENT'") == 1);

        get("diary", "/customers/" + id + "/timeline").expectStatus().isOk().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(5)
                .jsonPath("$.entries[0].type").isEqualTo("EMAIL_SENT")
                .jsonPath("$.entries[0].details.template").isEqualTo("invitation")
                .jsonPath("$.entries[3].type").isEqualTo("SHOP_PURCHASE")
                .jsonPath("$.entries[4].type").isEqualTo("PHONE_CALL")
                .jsonPath("$.next").doesNotExist();
        get("diary", "/customers/" + id + "/timeline?type=bogus").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        get("diary", "/customers/" + id + "/timeline?type=CREATED&type=UPDATED").expectBody()
                .jsonPath("$.entries.length()").isEqualTo(2)
                .jsonPath("$.entries[0].type").isEqualTo("UPDATED")
                .jsonPath("$.entries[0].details.fields").isEqualTo("lastName")
                .jsonPath("$.entries[1].type").isEqualTo("CREATED")
                .jsonPath("$.entries[1].channel").isEqualTo("MANUAL");
        get("diary", "/customers/" + id + "/timeline?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z").expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].type").isEqualTo("PHONE_CALL");

        get("diary", "/customers/" + id + "/timeline?limit=2").expectBody()
                .jsonPath("$.entries.length()").isEqualTo(2)
                .jsonPath("$.entries[1].type").isEqualTo("UPDATED");
        String next = nextCursor(id, 2);
        get("diary", "/customers/" + id + "/timeline?limit=2&before=" + next).expectBody()
                .jsonPath("$.entries[0].type").isEqualTo("CREATED")
                .jsonPath("$.entries[1].type").isEqualTo("SHOP_PURCHASE")
                .jsonPath("$.next").isNotEmpty();
    }

    @Test
    void aHandEntryNeedsATypeAndAPastTimeAndTheCustomerOfTheSite() {
        createSite("diary2");
        String id = createCustomer("diary2", "{\"email\": \"eve@example.test\"}");
        send(HttpMethod.POST, "diary2", "/customers/" + id + "/timeline", "{\"type\": \"phone call\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        send(HttpMethod.POST, "diary2", "/customers/" + id + "/timeline",
                "{\"type\": \"PHONE_CALL\", \"occurredAt\": \"2999-01-01T00:00:00Z\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("occurredAt");
        createSite("other-diary");
        send(HttpMethod.POST, "other-diary", "/customers/" + id + "/timeline", "{\"type\": \"PHONE_CALL\"}")
                .expectStatus().isNotFound();
        get("other-diary", "/customers/" + id + "/timeline").expectStatus().isNotFound();
        get("diary2", "/customers/" + id + "/timeline?limit=500").expectStatus().isBadRequest();
    }

    private String nextCursor(String id, int limit) {
        return new String(get("diary", "/customers/" + id + "/timeline?limit=" + limit).expectBody()
                .jsonPath("$.next").isNotEmpty().returnResult().getResponseBody())
                .replaceAll("(?s).*\"next\":\"([^\"]+)\".*", "$1");
    }
}
