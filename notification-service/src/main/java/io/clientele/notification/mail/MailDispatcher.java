package io.clientele.notification.mail;

import io.clientele.events.NotificationSent;
import io.clientele.notification.site.SiteSettings;
import io.clientele.notification.site.SiteSettingsRepository;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.polling.PollingLoop;
import io.clientele.schemas.Topics;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends what is due in the queue over SMTP. A mail the server refuses, or whose site is not known yet, is tried
 * again later with exponential backoff, and marked FAILED with the last error once the tries run out.
 */
@Component
class MailDispatcher implements SmartLifecycle {

    private final MailQueue queue;
    private final SiteSettingsRepository sites;
    private final JavaMailSender smtp;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final NotificationProperties properties;
    private final PollingLoop loop;

    MailDispatcher(MailQueue queue, SiteSettingsRepository sites, JavaMailSender smtp, Outbox outbox,
                   TransactionalOperator tx, NotificationProperties properties) {
        this.queue = queue;
        this.sites = sites;
        this.smtp = smtp;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.loop = new PollingLoop("Mail dispatcher", properties.pollInterval(), properties.pollInterval(), this::dispatchDue);
    }

    /** Sends one batch of due mails over one SMTP connection; answers how many it looked at. */
    Mono<Integer> dispatchDue() {
        return tx.transactional(queue.lockDue(properties.batchSize()).collectList()
                .flatMap(due -> due.isEmpty() ? Mono.just(0) : settingsOf(due)
                        .flatMap(sites -> deliver(due.stream().map(mail -> prepare(mail, sites.get(mail.siteId()))).toList()))
                        .thenReturn(due.size())));
    }

    private Mono<Map<String, SiteSettings>> settingsOf(List<OutgoingMail> due) {
        return Flux.fromStream(due.stream().map(OutgoingMail::siteId).distinct())
                .concatMap(sites::find)
                .collectMap(SiteSettings::siteId);
    }

    private PreparedMail prepare(OutgoingMail mail, SiteSettings site) {
        if (site == null) {
            return PreparedMail.notReady(mail, "The settings of site " + mail.siteId() + " are not known yet");
        }
        try {
            MailContent content = MailTemplates.render(mail, site, properties.adminBaseUrl());
            String recipient = mail.audience() == OutgoingMail.Audience.SITE_OWNER
                    ? site.ownerEmail() : String.valueOf(mail.params().get("email"));
            return PreparedMail.ready(mail, recipient, content, message(site, recipient, content));
        } catch (RuntimeException e) {
            return PreparedMail.broken(mail, "Could not render " + mail.template() + ": " + e.getMessage());
        }
    }

    private Mono<Void> deliver(List<PreparedMail> prepared) {
        List<MimeMessage> messages = prepared.stream().map(PreparedMail::message).filter(Objects::nonNull).toList();
        return Mono.fromCallable(() -> send(messages))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(refused -> Flux.fromIterable(prepared).concatMap(mail -> record(mail, refused)).then());
    }

    private Mono<Void> record(PreparedMail prepared, Map<MimeMessage, String> refused) {
        OutgoingMail mail = prepared.mail();
        if (prepared.broken()) {
            return queue.markFailed(mail.id(), prepared.problem());
        }
        if (prepared.message() == null) {
            return failedTry(mail, prepared.problem());
        }
        String answer = refused.get(prepared.message());
        if (answer != null) {
            return failedTry(mail, answer);
        }
        return queue.markSent(mail.id(), prepared.recipient(), prepared.content().subject())
                .then(outbox.add(Topics.NOTIFICATION_EVENTS, "site", mail.siteId(), sent(mail, prepared.recipient())));
    }

    private Mono<Void> failedTry(OutgoingMail mail, String error) {
        int attempts = mail.attempts() + 1;
        return attempts >= properties.maxAttempts()
                ? queue.markFailed(mail.id(), error)
                : queue.retryLater(mail.id(), properties.retryDelay(attempts), error);
    }

    /** Sends the messages on one connection; answers the ones the server refused, with its answer. */
    private Map<MimeMessage, String> send(List<MimeMessage> messages) {
        Map<MimeMessage, String> refused = new IdentityHashMap<>();
        if (messages.isEmpty()) {
            return refused;
        }
        try {
            smtp.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            e.getFailedMessages().forEach((message, error) -> refused.put((MimeMessage) message, smtpAnswer(error)));
            if (refused.isEmpty()) {
                messages.forEach(message -> refused.put(message, smtpAnswer(e)));
            }
        } catch (MailException e) {
            messages.forEach(message -> refused.put(message, smtpAnswer(e)));
        }
        return refused;
    }

    private MimeMessage message(SiteSettings site, String recipient, MailContent content) {
        MimeMessage message = smtp.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            String from = site.senderEmail() != null ? site.senderEmail() : properties.defaultSender();
            helper.setFrom(from, site.senderName() != null ? site.senderName() : site.name());
            helper.setTo(recipient);
            helper.setSubject(content.subject());
            helper.setText(content.text(), false);
            message.setHeader("Auto-Submitted", "auto-generated");
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("Could not prepare the mail to " + recipient, e);
        }
        return message;
    }

    private static String smtpAnswer(Exception error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return error.getMessage() + (cause != error ? " (" + cause.getMessage() + ")" : "");
    }

    private static NotificationSent sent(OutgoingMail mail, String recipient) {
        return NotificationSent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(mail.siteId())
                .setNotificationId(mail.id().toString())
                .setTemplate(mail.template())
                .setRecipient(recipient)
                .setCustomerId(mail.audience() == OutgoingMail.Audience.CUSTOMER
                        ? (String) mail.params().get("customerId") : null)
                .build();
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
