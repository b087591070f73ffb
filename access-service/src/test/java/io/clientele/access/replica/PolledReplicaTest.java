package io.clientele.access.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.access.testing.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class PolledReplicaTest {

    /** A table of changes with a clock of its own, counting the rows each look reads. */
    static class Table extends PolledReplica<String, String> {

        final List<Change<String, String>> rows = new ArrayList<>();
        int rowsRead;

        Table(Clock clock) {
            super("test", Duration.ofSeconds(1), clock);
        }

        @Override
        protected Flux<Change<String, String>> changedSince(Instant since) {
            List<Change<String, String>> changed = rows.stream().filter(row -> row.changedAt().isAfter(since)).toList();
            rowsRead += changed.size();
            return Flux.fromIterable(changed);
        }
    }

    @Test
    void aChangeIsReadAgainForAFewSecondsOnlyNotAtEveryLookAfter() {
        TestClock clock = new TestClock();
        clock.freeze();
        Table table = new Table(clock);
        table.refresh().block();
        for (int i = 0; i < 1000; i++) {
            table.rows.add(new PolledReplica.Change<>("key-" + i, "value", clock.instant()));
        }

        clock.advance(Duration.ofSeconds(1));
        table.refresh().block();
        assertThat(table.get("key-999")).isEqualTo("value");

        clock.advance(Duration.ofMinutes(1));
        table.refresh().block();
        table.rowsRead = 0;
        clock.advance(Duration.ofSeconds(1));
        table.refresh().block();
        assertThat(table.rowsRead).isZero();
        assertThat(table.size()).isEqualTo(1000);
    }

    @Test
    void aChangeCommittedLateWithinTheOverlapIsNotMissed() {
        TestClock clock = new TestClock();
        clock.freeze();
        Table table = new Table(clock);
        table.rows.add(new PolledReplica.Change<>("earlier", "value", clock.instant().minus(Duration.ofMinutes(1))));
        table.refresh().block();
        Instant changedAt = clock.instant();

        clock.advance(Duration.ofSeconds(5));
        table.refresh().block();
        table.rows.add(new PolledReplica.Change<>("late", "value", changedAt));
        clock.advance(Duration.ofSeconds(1));
        table.refresh().block();

        assertThat(table.get("late")).isEqualTo("value");
    }
}
