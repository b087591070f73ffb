package io.clientele.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.PlatformTestSupport;
import io.clientele.platform.embedded.SharedInfrastructure;
import io.clientele.schemas.registry.SchemaRegistryClient;
import io.clientele.schemas.serde.AvroDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The outbox keeps each event as it goes on the wire: Confluent's framing with the id of the schema the event was
 * written with. Debezium's outbox router publishes the payload column as it is, the relay does the same, and a
 * relay of a newer version cannot label an older row with a newer schema.
 */
class OutboxWireFormatIT extends PlatformTestSupport {

    private final String registryUrl = SharedInfrastructure.get().registry().confluentApiUrl();

    @Autowired
    Outbox outbox;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    OutboxProperties properties;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator tx;

    @Test
    void aRowHoldsTheEventFramedWithItsSchemaIdAndDecodesThroughTheRegistryAsItIs() {
        SiteUpdated event = site("wire", "As written");
        tx.transactional(outbox.add(TOPIC, "site", "wire", event)).block();

        byte[] row = payload(event.getEventId());
        ByteBuffer frame = ByteBuffer.wrap(row);
        assertThat(frame.get()).as("magic byte").isZero();
        assertThat(new SchemaRegistryClient(registryUrl).schemaById(frame.getInt())).isEqualTo(SiteUpdated.getClassSchema());
        Object decoded = new AvroDeserializer(new SchemaRegistryClient(registryUrl),
                Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true)).deserialize(TOPIC, row);
        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void theRelayPublishesTheRowsBytesUnchanged() {
        SiteUpdated event = site("wire-relayed", "Relayed");
        tx.transactional(outbox.add(TOPIC, "site", "wire-relayed", event)).block();
        byte[] row = payload(event.getEventId());

        new OutboxRelay(db, tx, kafka, properties, "platform-test", meters).relayAll().block();

        assertThat(published(event.getEventId()).value()).isEqualTo(row);
    }

    @Test
    void aRowWrittenBeforeTheWireFormatIsStillPublishedDecodable() throws Exception {
        SiteUpdated event = site("wire-legacy", "Bare Avro");
        ByteArrayOutputStream bare = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bare, null);
        new SpecificDatumWriter<SiteUpdated>(SiteUpdated.getClassSchema()).write(event, encoder);
        db.sql("""
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload)
                        VALUES (:id::uuid, 'site', 'wire-legacy', :type, :topic, :payload)""")
                .bind("id", event.getEventId()).bind("type", SiteUpdated.getClassSchema().getFullName()).bind("topic", TOPIC)
                .bind("payload", ByteBuffer.wrap(bare.toByteArray())).then().block();

        new OutboxRelay(db, tx, kafka, properties, "platform-test", meters).relayAll().block();

        ConsumerRecord<String, byte[]> published = published(event.getEventId());
        assertThat(new AvroDeserializer(new SchemaRegistryClient(registryUrl),
                Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true)).deserialize(TOPIC, published.value()))
                .isEqualTo(event);
    }

    private static ConsumerRecord<String, byte[]> published(String eventId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> allRecords(TOPIC).stream()
                .filter(record -> record.headers().lastHeader("id") != null)
                .filter(record -> eventId.equals(new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8)))
                .findFirst().orElse(null), record -> record != null);
    }

    private byte[] payload(String eventId) {
        Object payload = db.sql("SELECT payload FROM outbox WHERE id = :id::uuid").bind("id", eventId)
                .map(found -> found.get("payload")).one().block();
        if (payload instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        return (byte[]) payload;
    }
}
