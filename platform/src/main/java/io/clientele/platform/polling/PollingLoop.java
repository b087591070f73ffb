package io.clientele.platform.polling;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a round of work at a fixed interval, one round at a time: a round still running when the next is due
 * makes that one skip. A failed round is logged and the loop goes on.
 */
public final class PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final Duration firstDelay;
    private final Duration interval;
    private final Supplier<Mono<?>> round;
    private volatile Disposable running;

    public PollingLoop(String name, Duration firstDelay, Duration interval, Supplier<Mono<?>> round) {
        this.name = name;
        this.firstDelay = firstDelay;
        this.interval = interval;
        this.round = round;
    }

    public synchronized void start() {
        if (running == null) {
            running = Flux.interval(firstDelay, interval)
                    .onBackpressureDrop()
                    .concatMap(tick -> Mono.defer(round).onErrorResume(error -> {
                        log.warn("{} round failed; the next round tries again: {}", name, error.toString());
                        return Mono.empty();
                    }), 1)
                    .subscribe();
        }
    }

    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    public boolean isRunning() {
        return running != null;
    }
}
