package io.clientele.platform.outbox;

import io.clientele.platform.polling.PollingLifecycle;
import io.clientele.schemas.serde.EncodedRecord;
import io.clientele.schemas.serde.FramedRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes committed outbox rows, their bytes as written, in the order they were written and marks them sent only once the broker has
 * acknowledged them (the producer is idempotent with acks=all). A crash between publish and mark publishes the
 * row again on the next round: consumers apply events once, so a duplicate changes nothing.
 *
 * <p>Only one relay of a service works at a time (a PostgreSQL advisory lock), so that replicas cannot
 * interleave two events of the same aggregate.
 */
public class OutboxRelay extends PollingLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x636c69656e74656cL;
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(10);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, Object> kafka;
    private final OutboxProperties properties;
    private final String source;
    private final MeterRegistry meters;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    /**
     * @param service the service whose outbox this is, the records' CloudEvents source
     * @param meters  where {@code clientele.events.published} (by topic), {@code clientele.outbox.pending} and
     *                {@code clientele.outbox.oldest.age} (seconds) are kept
     */
    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, Object> kafka,
                       OutboxProperties properties, String service, MeterRegistry meters) {
        this.db = db;
        this.source = "/clientele/" + service;
        this.meters = meters;
        meters.gauge("clientele.outbox.pending", pending);
        meters.gauge("clientele.outbox.oldest.age", oldestAgeSeconds);
        poll("Outbox backlog", BACKLOG_EVERY, BACKLOG_EVERY, this::measureBacklog);
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        poll("Outbox relay", properties.pollInterval(), properties.pollInterval(), this::relayAll);
    }

    /** Publishes batch after batch while full ones come, so that a backlog does not wait for the next poll. */
    public Mono<Integer> relayAll() {
        return relayOnce().expand(sent -> sent == properties.batchSize() ? relayOnce() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    /** Publishes one batch of unsent rows; answers how many it marked sent. */
    public Mono<Integer> relayOnce() {
        return tx.transactional(takeRelayLock()
                .flatMap(locked -> locked ? unsentRows().collectList().flatMap(this::publishAndMark) : Mono.just(0)));
    }

    private Mono<Boolean> takeRelayLock() {
        return db.sql("SELECT pg_try_advisory_xact_lock(:key) AS locked").bind("key", RELAY_LOCK)
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class))).one();
    }

    /** How many rows wait to be published, and how long the oldest has waited. */
    Mono<Void> measureBacklog() {
        return db.sql("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE sent_at IS NULL")
                .map(row -> {
                    pending.set(row.get("pending", Long.class));
                    Instant oldest = row.get("oldest", Instant.class);
                    oldestAgeSeconds.set(oldest == null ? 0
                            : Math.max(0, Duration.between(oldest, Instant.now()).toSeconds()));
                    return true;
                }).one().then();
    }

    private Flux<OutboxRow> unsentRows() {
        return db.sql("""
                        SELECT position, id, aggregateid, type, topic, payload, framed, created_at FROM outbox
                        WHERE sent_at IS NULL ORDER BY position LIMIT :limit""")
                .bind("limit", properties.batchSize())
                .map(OutboxRelay::toRow).all();
    }

    private Mono<Integer> publishAndMark(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0);
        }
        List<CompletableFuture<?>> sends = send(rows);
        return Flux.range(0, sends.size())
                .concatMap(i -> Mono.fromFuture(sends.get(i))
                        .doOnSuccess(sent -> meters.counter("clientele.events.published", "topic", rows.get(i).topic()).increment())
                        .thenReturn(rows.get(i).position()))
                // The rows after a failed one are not marked: they go out again, in order, next round.
                .onErrorResume(error -> {
                    log.warn("Outbox relay could not publish; will retry: {}", error.toString());
                    return Flux.empty();
                })
                .collectList()
                .flatMap(this::markSent);
    }

    private List<CompletableFuture<?>> send(List<OutboxRow> rows) {
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            try {
                Object value = row.framed() ? new FramedRecord(row.payload())
                        : new EncodedRecord(AvroPayloads.schemaOf(row.type()), row.payload());
                ProducerRecord<String, Object> record = new ProducerRecord<>(row.topic(), row.aggregateId(), value);
                record.headers().add("id", row.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                CloudEventHeaders.addTo(record.headers(), row.id(), row.type(), source, row.createdAt());
                sends.add(kafka.send(record));
            } catch (RuntimeException e) {
                sends.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        return sends;
    }

    private Mono<Integer> markSent(List<Long> positions) {
        if (positions.isEmpty()) {
            return Mono.just(0);
        }
        return db.sql("UPDATE outbox SET sent_at = now() WHERE position = ANY(:positions)")
                .bind("positions", positions.toArray(Long[]::new))
                .fetch().rowsUpdated()
                .map(Long::intValue);
    }

    private static OutboxRow toRow(Readable row) {
        return new OutboxRow(row.get("position", Long.class), row.get("id", java.util.UUID.class).toString(),
                row.get("aggregateid", String.class), row.get("type", String.class), row.get("topic", String.class),
                toBytes(row.get("payload")), Boolean.TRUE.equals(row.get("framed", Boolean.class)),
                row.get("created_at", Instant.class));
    }

    private static byte[] toBytes(Object payload) {
        if (payload instanceof java.nio.ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        return (byte[]) payload;
    }

    private record OutboxRow(long position, String id, String aggregateId, String type, String topic, byte[] payload,
                             boolean framed, Instant createdAt) {
    }
}
