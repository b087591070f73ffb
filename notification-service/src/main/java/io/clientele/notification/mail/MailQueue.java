package io.clientele.notification.mail;

import io.clientele.platform.json.JsonDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The outgoing queue in the service's database. */
@Repository
class MailQueue {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() { };

    private final DatabaseClient db;

    MailQueue(DatabaseClient db) {
        this.db = db;
    }

    /** Queues a mail once per event and template: a redelivered event queues nothing more. */
    Mono<Void> enqueue(String siteId, String eventId, MailKind kind, String customerId, JsonDetails params) {
        return db.sql("""
                        INSERT INTO outgoing_mail (id, site_id, event_id, template, audience, customer_id, params, status)
                        VALUES (:id, :siteId, :eventId, :template, :audience, :customerId, CAST(:params AS jsonb), 'QUEUED')
                        ON CONFLICT (event_id, template) DO NOTHING""")
                .bind("id", UUID.randomUUID()).bind("siteId", siteId).bind("eventId", eventId)
                .bind("template", kind.template()).bind("audience", kind.audience().name())
                .bind("customerId", Parameter.fromOrEmpty(customerId, String.class))
                .bind("params", params.toString())
                .then();
    }

    /** Serialises, until the transaction ends, what the instances decide about one site's owner mails. */
    Mono<Void> lockOwnerMailsOf(String siteId) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtext('owner-mails:' || :siteId))").bind("siteId", siteId)
                .fetch().rowsUpdated().then();
    }

    /** How many mails of this kind the site queued since then. */
    Mono<Long> queuedSince(String siteId, MailKind kind, Instant since) {
        return db.sql("SELECT count(*) AS n FROM outgoing_mail WHERE site_id = :siteId AND template = :template AND created_at > :since")
                .bind("siteId", siteId).bind("template", kind.template()).bind("since", since)
                .map(row -> row.get("n", Long.class)).one();
    }

    /**
     * Adds an item to the site's digest of this kind that is still waiting, or starts one due at {@code sendAt}
     * (keyed by the event that starts it, so that a redelivery starts nothing more).
     */
    Mono<Void> addToDigest(String siteId, String eventId, MailKind digest, JsonDetails item, Instant sendAt) {
        return db.sql("""
                        UPDATE outgoing_mail SET params = jsonb_set(params, '{items}', (params -> 'items') || CAST(:item AS jsonb))
                        WHERE site_id = :siteId AND template = :template AND status = 'QUEUED'
                        RETURNING id""")
                .bind("item", "[" + item + "]").bind("siteId", siteId).bind("template", digest.template())
                .map(row -> row.get("id", UUID.class)).all().hasElements()
                .flatMap(added -> added ? Mono.<Void>empty() : db.sql("""
                                INSERT INTO outgoing_mail (id, site_id, event_id, template, audience, params, status, next_attempt_at)
                                VALUES (:id, :siteId, :eventId, :template, 'SITE_OWNER', CAST(:params AS jsonb), 'QUEUED', :sendAt)
                                ON CONFLICT (event_id, template) DO NOTHING""")
                        .bind("id", UUID.randomUUID()).bind("siteId", siteId).bind("eventId", eventId)
                        .bind("template", digest.template()).bind("params", "{\"items\": [" + item + "]}")
                        .bind("sendAt", sendAt)
                        .then());
    }

    /** Mails due now, locked for this transaction so that another replica's dispatcher skips them. */
    Flux<OutgoingMail> lockDue(int limit) {
        return db.sql("""
                        SELECT id, site_id, template, customer_id, params::text AS params, attempts FROM outgoing_mail
                        WHERE status = 'QUEUED' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("limit", limit)
                .map(row -> new OutgoingMail(row.get("id", UUID.class), row.get("site_id", String.class),
                        MailKind.ofTemplate(row.get("template", String.class)), row.get("customer_id", String.class),
                        JSON.readValue(row.get("params", String.class), PARAMS), row.get("attempts", Integer.class)))
                .all();
    }

    /** Marks the mails sent, in one statement, and drops the link tokens they carried: a sent mail never needs it again. */
    Mono<Void> markSent(List<PreparedMail> mails) {
        if (mails.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        UPDATE outgoing_mail m SET status = 'SENT', recipient = v.recipient, subject = v.subject,
                            channel = v.channel, content_type = v.content_type, locale = v.locale, open_token = v.open_token,
                            attempts = m.attempts + 1, sent_at = now(), last_error = NULL, params = m.params - 'token'
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:recipients AS text[]), CAST(:subjects AS text[]),
                                    CAST(:channels AS text[]), CAST(:contentTypes AS text[]), CAST(:locales AS text[]),
                                    CAST(:openTokens AS text[]))
                             AS v(id, recipient, subject, channel, content_type, locale, open_token)
                        WHERE m.id = v.id""")
                .bind("ids", mails.stream().map(mail -> mail.mail().id()).toArray(UUID[]::new))
                .bind("recipients", strings(mails, PreparedMail::recipient))
                .bind("subjects", strings(mails, PreparedMail::subject))
                .bind("channels", strings(mails, mail -> mail.channel().name()))
                .bind("contentTypes", strings(mails, mail -> mail.contentType().name()))
                .bind("locales", strings(mails, PreparedMail::locale))
                .bind("openTokens", strings(mails, PreparedMail::openToken))
                .then();
    }

    private static String[] strings(List<PreparedMail> mails, Function<PreparedMail, String> field) {
        return mails.stream().map(field).toArray(String[]::new);
    }

    /** A marketing mail to a customer who did not opt in: kept in the log, never sent. */
    Mono<Void> markSuppressed(UUID id, String reason) {
        return db.sql("""
                        UPDATE outgoing_mail SET status = 'SUPPRESSED', last_error = :reason, params = params - 'token'
                        WHERE id = :id""")
                .bind("id", id).bind("reason", reason).then();
    }

    Mono<Void> retryLater(UUID id, Duration delay, String error) {
        return db.sql("""
                        UPDATE outgoing_mail SET attempts = attempts + 1, last_error = :error,
                            next_attempt_at = now() + make_interval(secs => :seconds) WHERE id = :id""")
                .bind("id", id).bind("error", error).bind("seconds", delay.toMillis() / 1000.0).then();
    }

    Mono<Void> markFailed(UUID id, String error) {
        return db.sql("UPDATE outgoing_mail SET status = 'FAILED', attempts = attempts + 1, last_error = :error WHERE id = :id")
                .bind("id", id).bind("error", error).then();
    }
}
