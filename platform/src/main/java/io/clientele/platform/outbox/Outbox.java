package io.clientele.platform.outbox;

import io.clientele.platform.kafka.KafkaFootprint;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Records an event to publish, exactly as it will go on the wire (Confluent framing with the id of the schema it is
 * written with), so that the relay or Debezium's outbox router publish the row's bytes as they are. Call it inside the transaction that makes the change the event describes:
 * both commit or neither does, and the {@link OutboxRelay} publishes what committed.
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload, framed)
            SELECT x.id, :aggregateType, x.aggregateid, x.type, :topic, decode(x.payload, 'base64'), true
            FROM unnest(CAST(:ids AS uuid[]), CAST(:aggregateIds AS text[]), CAST(:types AS text[]), CAST(:payloads AS text[]))
                WITH ORDINALITY AS x (id, aggregateid, type, payload, n)
            ORDER BY x.n""";

    private final DatabaseClient db;
    private final KafkaFootprint footprint;
    private final Serializer<Object> wire;

    /** @param wire the serializer the producer writes values with: its bytes are what the row keeps */
    public Outbox(DatabaseClient db, KafkaFootprint footprint, Serializer<Object> wire) {
        this.db = db;
        this.footprint = footprint;
        this.wire = wire;
    }

    /**
     * @param topic         where the event goes
     * @param aggregateType what the event is about ("customer", "site", ...)
     * @param aggregateId   the Kafka key: events with the same key keep their order
     */
    public Mono<Void> add(String topic, String aggregateType, String aggregateId, SpecificRecord event) {
        return addAll(topic, aggregateType, List.of(Map.entry(aggregateId, event)));
    }

    /**
     * Records many events with one statement, in the order given (the payloads travel as base64 text: an array of
     * byte arrays cannot be bound).
     */
    public Mono<Void> addAll(String topic, String aggregateType, List<Map.Entry<String, SpecificRecord>> events) {
        footprint.checkWrite(topic);
        if (events.isEmpty()) {
            return Mono.empty();
        }
        // Serializing may ask the schema registry for an id (once per schema): not on a request's event loop.
        return Mono.fromCallable(() -> statement(topic, aggregateType, events)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(DatabaseClient.GenericExecuteSpec::then);
    }

    private DatabaseClient.GenericExecuteSpec statement(String topic, String aggregateType,
                                                        List<Map.Entry<String, SpecificRecord>> events) {
        int size = events.size();
        UUID[] ids = new UUID[size];
        String[] aggregateIds = new String[size];
        String[] types = new String[size];
        String[] payloads = new String[size];
        Base64.Encoder base64 = Base64.getEncoder();
        for (int i = 0; i < size; i++) {
            SpecificRecord event = events.get(i).getValue();
            ids[i] = UUID.fromString(Events.eventId(event));
            aggregateIds[i] = events.get(i).getKey();
            types[i] = event.getSchema().getFullName();
            payloads[i] = base64.encodeToString(wire.serialize(topic, event));
        }
        return db.sql(INSERT).bind("ids", ids).bind("aggregateType", aggregateType).bind("aggregateIds", aggregateIds)
                .bind("types", types).bind("topic", topic).bind("payloads", payloads);
    }

    /**
     * Deletes the events, sent or not, whose payload holds any of these texts (a customer's id; a value as typed), so
     * that no payload keeps the personal data of a customer being erased; answers how many. Call it before recording
     * the erasure's own events.
     */
    public Mono<Long> forgetMentioning(List<String> texts) {
        return db.sql("""
                        DELETE FROM outbox WHERE EXISTS (SELECT 1 FROM unnest(CAST(:texts AS text[])) AS t
                                                         WHERE position(convert_to(t, 'UTF8') IN payload) > 0)""")
                .bind("texts", texts.toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    /**
     * Deletes the sent events of these aggregates (ids equal to one of the keys, or starting with it and a slash):
     * for erasing personal data from payloads already published. Unsent events stay to be published.
     */
    public Mono<Long> forgetSent(String aggregateType, List<String> keys) {
        return db.sql("""
                        DELETE FROM outbox WHERE sent_at IS NOT NULL AND aggregatetype = :aggregateType
                          AND split_part(aggregateid, '/', 1) = ANY(:keys)""")
                .bind("aggregateType", aggregateType).bind("keys", keys.toArray(String[]::new))
                .fetch().rowsUpdated();
    }
}
