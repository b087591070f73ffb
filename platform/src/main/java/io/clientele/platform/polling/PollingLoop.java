package io.clientele.platform.polling;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs a round of work at a fixed interval, one round at a time: a round still running when the next is due
 * makes that one skip. A failed round is logged and the loop goes on. Stopping lets the round in progress finish
 * (a batch half published, a mail half sent would otherwise be cut off), waiting at most the grace period.
 */
public final class PollingLoop {

    /** How long stopping waits for a round in progress, unless told otherwise. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final Duration firstDelay;
    private final Duration interval;
    private final Duration grace;
    private final Supplier<Mono<?>> round;
    private volatile Disposable running;
    private volatile Sinks.Empty<Void> stopping;
    private volatile CountDownLatch finished;
    private volatile boolean stopRequested;

    public PollingLoop(String name, Duration firstDelay, Duration interval, Supplier<Mono<?>> round) {
        this(name, firstDelay, interval, SHUTDOWN_GRACE, round);
    }

    public PollingLoop(String name, Duration firstDelay, Duration interval, Duration grace, Supplier<Mono<?>> round) {
        this.name = name;
        this.firstDelay = firstDelay;
        this.interval = interval;
        this.grace = grace;
        this.round = round;
    }

    public synchronized void start() {
        if (running == null) {
            stopping = Sinks.empty();
            stopRequested = false;
            finished = new CountDownLatch(1);
            CountDownLatch done = finished;
            running = Flux.interval(firstDelay, interval)
                    .takeUntilOther(stopping.asMono())
                    .onBackpressureDrop()
                    .concatMap(tick -> Mono.defer(() -> stopRequested ? Mono.empty() : round.get()).onErrorResume(error -> {
                        log.warn("{} round failed; the next round tries again: {}", name, error.toString());
                        return Mono.empty();
                    }), 1)
                    .doFinally(signal -> done.countDown())
                    .subscribe();
        }
    }

    /** Starts no new round; the one in progress goes on. */
    public synchronized void stopScheduling() {
        if (stopping != null) {
            stopRequested = true;
            stopping.tryEmitEmpty();
        }
    }

    /** Stops: no new round, and the one in progress is given the grace period to finish before it is cancelled. */
    public synchronized void stop() {
        stopScheduling();
        awaitRound();
    }

    /** Waits, at most the grace period, for the round in progress after {@link #stopScheduling()}; then cancels it. */
    public synchronized void awaitRound() {
        if (running == null) {
            return;
        }
        try {
            if (!finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} round did not finish within {} of stopping; cancelled", name, grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.dispose();
            running = null;
            stopping = null;
        }
    }

    public boolean isRunning() {
        return running != null;
    }
}
