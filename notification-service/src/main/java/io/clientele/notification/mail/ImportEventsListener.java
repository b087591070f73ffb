package io.clientele.notification.mail;

import io.clientele.events.ImportFinished;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.platform.json.JsonDetails;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Tells the owner when an import has finished. */
@Component
@KafkaListener(topics = Topics.IMPORT_EVENTS)
class ImportEventsListener {

    private final IdempotentConsumer consumer;
    private final MailRequests mails;

    ImportEventsListener(IdempotentConsumer consumer, MailRequests mails) {
        this.consumer = consumer;
        this.mails = mails;
    }

    @KafkaHandler
    void on(ImportFinished finished) {
        JsonDetails values = new JsonDetails()
                .put("importId", finished.getImportId())
                .put("fileName", finished.getFileName())
                .put("created", finished.getCreated())
                .put("updated", finished.getUpdated())
                .put("unchanged", finished.getUnchanged())
                .put("failed", finished.getFailed());
        consumer.applyOnceNow("mail", finished.getEventId(),
                () -> mails.forOwner(MailKind.IMPORT_FINISHED, finished.getSiteId(), finished.getEventId(), values));
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
