package io.clientele.access.replica;

import io.clientele.platform.polling.PollingLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An in-memory copy of a table that every instance keeps, so that hot reads need no database round trip. It is
 * loaded whole on start, then refreshed with the rows changed since the last look; each look reads back a few
 * seconds of overlap, so that a row whose transaction committed after the previous look is not missed. A change
 * made by this instance is applied at once (after its commit); other instances see it within one refresh.
 *
 * @param <K> the row's key
 * @param <V> what is kept of the row; a change without a value removes the key
 */
public abstract class PolledReplica<K, V> extends PollingLifecycle {

    private static final Duration OVERLAP = Duration.ofSeconds(10);

    private final Map<K, V> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant seenUpTo = Instant.EPOCH;
    private volatile Instant lastLook = Instant.EPOCH;

    protected PolledReplica(String name, Duration refresh) {
        this(name, refresh, Clock.systemUTC());
    }

    /** @param clock this host's clock, never a business clock a test may move: it only paces the looks */
    protected PolledReplica(String name, Duration refresh, Clock clock) {
        poll(name, refresh, refresh, this::refresh);
        this.clock = clock;
    }

    /** A changed row: its key, what to keep (null to forget the key) and when it changed. */
    public record Change<K, V>(K key, V value, Instant changedAt) {
    }

    /** The rows whose change time is after {@code since}. */
    protected abstract Flux<Change<K, V>> changedSince(Instant since);

    protected V get(K key) {
        return entries.get(key);
    }

    /** Applies a change this instance committed. */
    protected void apply(K key, V value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    /** Forgets the entries that can no longer matter. */
    protected void evictIf(BiPredicate<K, V> stale) {
        entries.entrySet().removeIf(entry -> stale.test(entry.getKey(), entry.getValue()));
    }

    public int size() {
        return entries.size();
    }

    Mono<Void> refresh() {
        Instant lookingAt = clock.instant();
        return changedSince(since())
                .doOnNext(change -> {
                    apply(change.key(), change.value());
                    if (change.changedAt().isAfter(seenUpTo)) {
                        seenUpTo = change.changedAt();
                    }
                })
                .then(Mono.fromRunnable(() -> {
                    lastLook = lookingAt;
                    afterRefresh();
                }));
    }

    /**
     * Reads back {@link #OVERLAP} before the newest change seen, but no further back than twice that before the
     * previous look (this host's clock against the database's, hence the margin): otherwise the rows of the last
     * busy moment, a bulk deletion's thousands of revocations say, would be read again at every look until the
     * next change.
     */
    private Instant since() {
        if (seenUpTo.equals(Instant.EPOCH)) {
            return Instant.EPOCH;
        }
        Instant afterPreviousLook = lastLook.minus(OVERLAP.multipliedBy(2));
        Instant overlapped = seenUpTo.minus(OVERLAP);
        return afterPreviousLook.isAfter(overlapped) ? afterPreviousLook : overlapped;
    }

    /** Runs after every refresh; nothing by default. */
    protected void afterRefresh() {
    }

    /** Loads the table whole before the instance serves anything. */
    @Override
    public void start() {
        refresh().block(Duration.ofMinutes(1));
        super.start();
    }
}
