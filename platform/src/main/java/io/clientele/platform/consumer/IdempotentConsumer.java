package io.clientele.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies an event's effect at most once: the event id is recorded in the same transaction as the effect, so a
 * redelivered event finds its id and changes nothing, and a failed effect leaves no record behind.
 */
public class IdempotentConsumer {

    /** How long a listener thread waits for one event's effect before the record counts as failed and is retried. */
    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);
    private static final String APPLIED = "clientele.events.applied";
    private static final String DUPLICATES = "clientele.events.duplicates";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final MeterRegistry meters;

    /** @param meters where {@code clientele.events.applied} and {@code clientele.events.duplicates} (by consumer) count */
    public IdempotentConsumer(DatabaseClient db, TransactionalOperator tx, MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.meters = meters;
    }

    /**
     * What one event does to the service.
     *
     * @param consumer names the effect, so that two effects of one event in the same service are told apart
     */
    public record Effect(String consumer, String eventId, Supplier<Mono<?>> change) {
    }

    /** @return true when the effect was applied now, false when the event had been applied before */
    public Mono<Boolean> applyOnce(String consumer, String eventId, Supplier<Mono<?>> effect) {
        return tx.transactional(db.sql("""
                        INSERT INTO processed_events (consumer, event_id) VALUES (:consumer, :eventId)
                        ON CONFLICT DO NOTHING""")
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false) : effect.get().then(Mono.just(true))))
                .doOnNext(applied -> count(applied ? APPLIED : DUPLICATES, consumer, 1));
    }

    /**
     * {@link #applyOnce} for a Kafka listener thread: waits for the effect, so that a failure reaches the listener's
     * error handler (retries, then the dead-letter topic) before the record's offset is committed.
     */
    public boolean applyOnceNow(String consumer, String eventId, Supplier<Mono<?>> effect) {
        return Boolean.TRUE.equals(applyOnce(consumer, eventId, effect).block(EFFECT_TIMEOUT));
    }

    /**
     * Applies the effects not applied before, in order, all in one transaction: one failure leaves none of them
     * applied.
     */
    public Mono<Void> applyAllOnce(List<Effect> effects) {
        if (effects.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            Map<String, Integer> applied = new HashMap<>();
            return tx.transactional(db.sql("""
                            INSERT INTO processed_events (consumer, event_id)
                            SELECT * FROM unnest(CAST(:consumers AS varchar[]), CAST(:eventIds AS varchar[]))
                            ON CONFLICT DO NOTHING RETURNING consumer, event_id""")
                    .bind("consumers", effects.stream().map(Effect::consumer).toArray(String[]::new))
                    .bind("eventIds", effects.stream().map(Effect::eventId).toArray(String[]::new))
                    .map(row -> row.get("consumer", String.class) + " " + row.get("event_id", String.class))
                    .all().collect(HashSet<String>::new, Set::add)
                    .flatMapMany(fresh -> Flux.fromIterable(effects)
                            .filter(effect -> fresh.remove(effect.consumer() + " " + effect.eventId())))
                    .doOnNext(effect -> applied.merge(effect.consumer(), 1, Integer::sum))
                    .concatMap(effect -> effect.change().get().then())
                    .then())
                    // Counted once committed: a batch that fails is tried again, and counts then.
                    .doOnSuccess(done -> effects.stream().map(Effect::consumer).distinct().forEach(consumer -> {
                        int fresh = applied.getOrDefault(consumer, 0);
                        long all = effects.stream().filter(effect -> effect.consumer().equals(consumer)).count();
                        count(APPLIED, consumer, fresh);
                        count(DUPLICATES, consumer, (int) all - fresh);
                    }));
        });
    }

    private void count(String metric, String consumer, int events) {
        if (events > 0) {
            meters.counter(metric, "consumer", consumer).increment(events);
        }
    }
}
