package io.clientele.platform.outbox;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records an event to publish. Call it inside the transaction that makes the change the event describes:
 * both commit or neither does, and the {@link OutboxRelay} publishes what committed.
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload) VALUES ($1, $2, $3, $4, $5, $6)""";

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
        return addAll(topic, aggregateType, List.of(Map.entry(aggregateId, event)));
    }

    /** Records many events in one round trip to the database, in the order given. */
    public Mono<Void> addAll(String topic, String aggregateType, List<Map.Entry<String, SpecificRecord>> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        return db.inConnectionMany(connection -> {
            Statement insert = connection.createStatement(INSERT);
            for (int i = 0; i < events.size(); i++) {
                SpecificRecord event = events.get(i).getValue();
                if (i > 0) {
                    insert.add();
                }
                insert.bind("$1", UUID.fromString(Events.eventId(event)))
                        .bind("$2", aggregateType)
                        .bind("$3", events.get(i).getKey())
                        .bind("$4", event.getSchema().getFullName())
                        .bind("$5", topic)
                        .bind("$6", ByteBuffer.wrap(AvroPayloads.write(event)));
            }
            return Flux.from(insert.execute()).flatMap(Result::getRowsUpdated);
        }).then();
    }
}
