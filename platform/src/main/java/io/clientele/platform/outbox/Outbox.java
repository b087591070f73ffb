package io.clientele.platform.outbox;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Records an event to publish. Call it inside the transaction that makes the change the event describes:
 * both commit or neither does, and the {@link OutboxRelay} publishes what committed.
 */
public class Outbox {

    private final DatabaseClient db;

    public Outbox(DatabaseClient db) {
        this.db = db;
    }

    /**
     * @param topic         where the event goes
     * @param aggregateType what the event is about ("customer", "site", ...)
     * @param aggregateId   the Kafka key: events with the same key keep their order
     */
    public Mono<Void> add(String topic, String aggregateType, String aggregateId, SpecificRecord event) {
        return db.sql("""
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload)
                        VALUES (:id, :aggregateType, :aggregateId, :type, :topic, :payload)""")
                .bind("id", UUID.fromString(Events.eventId(event)))
                .bind("aggregateType", aggregateType)
                .bind("aggregateId", aggregateId)
                .bind("type", event.getSchema().getFullName())
                .bind("topic", topic)
                .bind("payload", AvroPayloads.write(event))
                .then();
    }
}
