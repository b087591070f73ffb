package io.clientele.platform.outbox;

import io.clientele.platform.polling.PollingLifecycle;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Deletes outbox rows older than the retention: those the relay marked sent, or, where the relay is off because
 * Debezium streams the table from the write-ahead log, every row (Debezium published it when it committed).
 */
public class OutboxPurge extends PollingLifecycle {

    private final DatabaseClient db;
    private final OutboxProperties properties;

    public OutboxPurge(DatabaseClient db, OutboxProperties properties) {
        this.db = db;
        this.properties = properties;
        poll("Outbox purge", Duration.ofMinutes(1), Duration.ofHours(1), this::purge);
    }

    /** Answers how many rows it deleted. */
    public Mono<Long> purge() {
        return db.sql("""
                        DELETE FROM outbox
                        WHERE coalesce(sent_at, CASE WHEN :relayOff THEN created_at END)
                              < now() - make_interval(secs => :seconds)""")
                .bind("relayOff", !properties.enabled())
                .bind("seconds", (double) properties.retention().toSeconds())
                .fetch().rowsUpdated();
    }
}
