package io.clientele.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.PlatformTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

class OutboxRelayIT extends PlatformTestSupport {

    @Autowired
    Outbox outbox;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    OutboxProperties properties;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void reviveTheRelay() {
        db.sql("DROP TRIGGER IF EXISTS relay_dies_before_mark ON outbox").then().block();
    }

    @Test
    void aRelayKilledBetweenPublishAndMarkPublishesAgainAndTheConsumerAppliesOnce() {
        OutboxRelay relay = new OutboxRelay(db, tx, kafka, properties, "platform-test", meters);
        relay.relayOnce().block();
        SiteUpdated event = site("relay-killed", "Killed relay");
        tx.transactional(outbox.add(TOPIC, "site", event.getSiteId(), event)).block();
        // The relay dies after the broker acknowledged the event, before the row is marked sent.
        db.sql("""
                CREATE OR REPLACE FUNCTION relay_dies() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'relay killed before marking the row sent'; END $$ LANGUAGE plpgsql""").then().block();
        db.sql("CREATE TRIGGER relay_dies_before_mark BEFORE UPDATE ON outbox FOR EACH ROW EXECUTE FUNCTION relay_dies()")
                .then().block();

        assertThatThrownBy(() -> relay.relayOnce().block()).hasStackTraceContaining("relay killed");
        assertThat(unsent(event.getEventId())).isTrue();

        reviveTheRelay();
        assertThat(relay.relayOnce().block()).isEqualTo(1);
        assertThat(unsent(event.getEventId())).isFalse();

        assertThat(recordsWithId(event.getEventId())).as("published twice").isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(effects(event.getEventId())).isEqualTo(1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(effects(event.getEventId())).as("applied once").isEqualTo(1));
    }

    @Test
    void eventsOfOneAggregateArePublishedInTheOrderTheyWereWritten() {
        OutboxRelay relay = new OutboxRelay(db, tx, kafka, properties, "platform-test", meters);
        List<SiteUpdated> versions = List.of(site("ordered", "v1"), site("ordered", "v2"), site("ordered", "v3"));
        for (SiteUpdated version : versions) {
            tx.transactional(outbox.add(TOPIC, "site", "ordered", version)).block();
        }

        relay.relayOnce().block();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(db.sql(
                        "SELECT name FROM site_effects WHERE site_id = 'ordered' ORDER BY position")
                .map(row -> row.get("name", String.class)).all().collectList().block())
                .containsExactly("v1", "v2", "v3"));
    }

    @Test
    void everyRecordCarriesItsIdTypeSourceAndTimeAsCloudEventsHeaders() {
        OutboxRelay relay = new OutboxRelay(db, tx, kafka, properties, "platform-test", meters);
        SiteUpdated event = site("described", "Described");
        Instant written = Instant.now();
        tx.transactional(outbox.add(TOPIC, "site", "described", event)).block();

        relay.relayOnce().block();

        Headers headers = allRecords(TOPIC).stream().filter(record -> "described".equals(record.key())).findFirst()
                .orElseThrow().headers();
        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_id")).isEqualTo(event.getEventId());
        assertThat(header(headers, "ce_type")).isEqualTo("io.clientele.events.SiteUpdated");
        assertThat(header(headers, "ce_source")).isEqualTo("/clientele/platform-test");
        assertThat(Instant.parse(header(headers, "ce_time"))).isBetween(written.minusSeconds(5), Instant.now());
        assertThat(header(headers, "content-type")).isEqualTo("application/avro");
    }

    @Test
    void theBacklogAndWhatIsPublishedAreMeasured() {
        SimpleMeterRegistry measured = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(db, tx, kafka, properties, "platform-test", measured);
        relay.relayAll().block();
        tx.transactional(outbox.add(TOPIC, "site", "backlog", site("backlog", "Waiting"))).block();
        db.sql("UPDATE outbox SET created_at = now() - interval '90 seconds' WHERE sent_at IS NULL").then().block();

        relay.measureBacklog().block();
        assertThat(measured.get("clientele.outbox.pending").gauge().value()).isEqualTo(1);
        assertThat(measured.get("clientele.outbox.oldest.age").gauge().value()).isBetween(90.0, 120.0);

        relay.relayAll().block();
        relay.measureBacklog().block();
        assertThat(measured.get("clientele.outbox.pending").gauge().value()).isZero();
        assertThat(measured.get("clientele.outbox.oldest.age").gauge().value()).isZero();
        assertThat(measured.get("clientele.events.published").tag("topic", TOPIC).counter().count()).isEqualTo(1);
    }

    private static String header(Headers headers, String name) {
        return headers.lastHeader(name) == null ? null : new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void anEventWhoseTransactionRolledBackIsNeverPublished() {
        OutboxRelay relay = new OutboxRelay(db, tx, kafka, properties, "platform-test", meters);
        SiteUpdated event = site("rolled-back", "Never");

        tx.transactional(outbox.add(TOPIC, "site", "rolled-back", event)
                        .then(Mono.error(new IllegalStateException("the change failed"))))
                .onErrorResume(IllegalStateException.class, error -> Mono.empty())
                .block();
        relay.relayOnce().block();

        assertThat(db.sql("SELECT count(*) AS n FROM outbox WHERE id = :id::uuid").bind("id", event.getEventId())
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
        assertThat(recordsWithId(event.getEventId())).isZero();
    }

    private boolean unsent(String eventId) {
        return Boolean.TRUE.equals(db.sql("SELECT sent_at IS NULL AS unsent FROM outbox WHERE id = :id::uuid")
                .bind("id", eventId).map(row -> row.get("unsent", Boolean.class)).one().block());
    }

    private long effects(String eventId) {
        return db.sql("SELECT count(*) AS n FROM site_effects WHERE event_id = :id").bind("id", eventId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static long recordsWithId(String eventId) {
        return allRecords(TOPIC).stream()
                .filter(record -> record.headers().lastHeader("id") != null)
                .filter(record -> eventId.equals(new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8)))
                .count();
    }
}
