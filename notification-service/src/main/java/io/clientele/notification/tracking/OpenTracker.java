package io.clientele.notification.tracking;

import io.clientele.events.EmailOpened;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.schemas.Topics;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records the first open of an HTML mail and tells customer-service (EmailOpened): a customer whose preference
 * was unknown has shown they read HTML.
 */
@Service
class OpenTracker {

    private final DatabaseClient db;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    OpenTracker(DatabaseClient db, Outbox outbox, TransactionalOperator tx) {
        this.db = db;
        this.outbox = outbox;
        this.tx = tx;
    }

    Mono<Void> opened(String openToken) {
        return tx.transactional(db.sql("""
                        UPDATE outgoing_mail SET opened_at = now()
                        WHERE open_token = :token AND opened_at IS NULL
                        RETURNING id, site_id, customer_id, template, content_type""")
                .bind("token", openToken)
                .map(row -> new FirstOpen(row.get("id", UUID.class), row.get("site_id", String.class),
                        row.get("customer_id", String.class), row.get("template", String.class),
                        "MULTIPART".equals(row.get("content_type", String.class))))
                .one()
                .filter(open -> open.customerId() != null)
                .flatMap(open -> outbox.add(Topics.NOTIFICATION_EVENTS, "customer", open.customerId(), event(open))));
    }

    private static EmailOpened event(FirstOpen open) {
        return EmailOpened.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(open.siteId())
                .setNotificationId(open.id().toString())
                .setCustomerId(open.customerId())
                .setTemplate(open.template())
                .setPreferenceWasUnknown(open.preferenceWasUnknown())
                .build();
    }

    private record FirstOpen(UUID id, String siteId, String customerId, String template, boolean preferenceWasUnknown) {
    }
}
