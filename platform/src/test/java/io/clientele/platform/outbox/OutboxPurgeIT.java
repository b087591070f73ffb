package io.clientele.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.PlatformTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The tests' services run with the relay off, as where Debezium drains the outbox from the write-ahead log. */
class OutboxPurgeIT extends PlatformTestSupport {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxPurge purge;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator tx;

    @Test
    void withTheRelayOffRowsOlderThanTheRetentionArePurgedAndNewerOnesKept() {
        SiteUpdated old = site("purge-old", "Old");
        SiteUpdated recent = site("purge-recent", "Recent");
        tx.transactional(outbox.add(TOPIC, "site", "purge-old", old).then(outbox.add(TOPIC, "site", "purge-recent", recent)))
                .block();
        db.sql("UPDATE outbox SET created_at = now() - interval '8 days' WHERE id = :id::uuid").bind("id", old.getEventId())
                .then().block();

        purge.purge().block();

        assertThat(exists(old.getEventId())).isFalse();
        assertThat(exists(recent.getEventId())).isTrue();
    }

    private boolean exists(String eventId) {
        return db.sql("SELECT count(*) AS n FROM outbox WHERE id = :id::uuid").bind("id", eventId)
                .map(row -> row.get("n", Long.class)).one().block() > 0;
    }
}
