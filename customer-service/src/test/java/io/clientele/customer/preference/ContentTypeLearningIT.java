package io.clientele.customer.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.events.ContentType;
import io.clientele.events.CustomerPreferencesChanged;
import io.clientele.events.EmailOpened;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContentTypeLearningIT extends CustomerServiceITSupport {

    private static final String NEWSLETTER = "{\"channel\": \"NEWSLETTER\", \"optIn\": true}";

    @Test
    void theFirstOpenOfAnHtmlMailByACustomerOfUnknownPreferenceMakesItHtmlOnce() {
        createSite("reader");
        String customerId = captured("reader", "reader@example.test", NEWSLETTER);
        http.get().uri("/api/v1/sites/reader/customers/{id}", customerId).headers(h -> h.setBearerAuth(tokenFor("reader")))
                .exchange().expectBody().jsonPath("$.preferredContentType").isEqualTo("UNKNOWN");
        EmailOpened opened = opened("reader", customerId, true);

        publish(Topics.NOTIFICATION_EVENTS, customerId, opened);
        publish(Topics.NOTIFICATION_EVENTS, customerId, opened);
        publish(Topics.NOTIFICATION_EVENTS, customerId, opened("reader", customerId, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) AS n FROM timeline_entries WHERE customer_id = '"
                + customerId + "' AND type = 'EMAIL_OPENED'") == 2);
        http.get().uri("/api/v1/sites/reader/customers/{id}", customerId).headers(h -> h.setBearerAuth(tokenFor("reader")))
                .exchange().expectBody().jsonPath("$.preferredContentType").isEqualTo("HTML");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(preferencesOf(customerId)).singleElement()
                .satisfies(changed -> {
                    assertThat(changed.getPreferredContentType()).isEqualTo(ContentType.HTML);
                    assertThat(changed.getEmail()).isEqualTo("reader@example.test");
                }));
    }

    @Test
    void anOpenOfAMailSentInAKnownContentTypeChangesNoPreference() {
        createSite("reader");
        String customerId = captured("reader", "known@example.test", NEWSLETTER);

        publish(Topics.NOTIFICATION_EVENTS, customerId, opened("reader", customerId, false));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) AS n FROM timeline_entries WHERE customer_id = '"
                + customerId + "' AND type = 'EMAIL_OPENED'") == 1);
        http.get().uri("/api/v1/sites/reader/customers/{id}", customerId).headers(h -> h.setBearerAuth(tokenFor("reader")))
                .exchange().expectBody().jsonPath("$.preferredContentType").isEqualTo("UNKNOWN");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(preferencesOf(customerId)).isEmpty());
    }

    private static EmailOpened opened(String siteId, String customerId, boolean preferenceWasUnknown) {
        return EmailOpened.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now()).setSiteId(siteId)
                .setNotificationId(UUID.randomUUID().toString()).setCustomerId(customerId).setTemplate("access-approved")
                .setPreferenceWasUnknown(preferenceWasUnknown).build();
    }

    private static List<CustomerPreferencesChanged> preferencesOf(String customerId) {
        return events(Topics.CUSTOMER_EVENTS).stream().map(record -> record.value())
                .filter(CustomerPreferencesChanged.class::isInstance).map(CustomerPreferencesChanged.class::cast)
                .filter(changed -> changed.getCustomerId().equals(customerId)).toList();
    }
}
