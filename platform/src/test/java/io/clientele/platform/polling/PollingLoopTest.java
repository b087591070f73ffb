package io.clientele.platform.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PollingLoopTest {

    @Test
    void stoppingLetsTheRoundInProgressFinishAndStartsNoOther() {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        PollingLoop loop = new PollingLoop("slow", Duration.ZERO, Duration.ofMillis(10), Duration.ofSeconds(5),
                () -> Mono.fromRunnable(() -> {
                    rounds.incrementAndGet();
                    started.countDown();
                }).then(Mono.delay(Duration.ofMillis(400))).doOnSuccess(done -> finished.set(true)));
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> started.getCount() == 0);

        loop.stop();

        assertThat(finished).as("the round in progress finished").isTrue();
        assertThat(rounds).hasValue(1);
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void aRoundThatOutlastsTheGracePeriodIsCancelled() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        PollingLoop loop = new PollingLoop("stuck", Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(200),
                () -> Mono.never().doOnSubscribe(s -> started.countDown()).doOnCancel(() -> cancelled.set(true)));
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> started.getCount() == 0);

        long before = System.nanoTime();
        loop.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
        assertThat(cancelled).isTrue();
    }
}
