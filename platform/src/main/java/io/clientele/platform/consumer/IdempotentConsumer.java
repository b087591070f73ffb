package io.clientele.platform.consumer;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
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

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public IdempotentConsumer(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
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
                .flatMap(inserted -> inserted == 0 ? Mono.just(false) : effect.get().then(Mono.just(true))));
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
                .concatMap(effect -> effect.change().get().then())
                .then());
    }
}
