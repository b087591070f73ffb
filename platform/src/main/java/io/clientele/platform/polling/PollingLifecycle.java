package io.clientele.platform.polling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;

/** A bean whose rounds of work repeat while the application runs: its constructor names each with {@link #poll}. */
public abstract class PollingLifecycle implements SmartLifecycle {

    private final List<PollingLoop> loops = new ArrayList<>();

    /** Repeats {@code round} every {@code interval}, the first time {@code firstDelay} after start. */
    protected final void poll(String name, Duration firstDelay, Duration interval, Supplier<Mono<?>> round) {
        loops.add(new PollingLoop(name, firstDelay, interval, round));
    }

    @Override
    public void start() {
        loops.forEach(PollingLoop::start);
    }

    /** Starts no new round in any loop, then waits for the rounds in progress (each within its grace period). */
    @Override
    public void stop() {
        loops.forEach(PollingLoop::stopScheduling);
        loops.forEach(PollingLoop::awaitRound);
    }

    @Override
    public boolean isRunning() {
        return loops.stream().anyMatch(PollingLoop::isRunning);
    }
}
