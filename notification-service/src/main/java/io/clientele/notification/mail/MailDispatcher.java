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
import java.util.Optional;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
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

    /** Sends one batch of due mails; answers how many it looked at. */
    Mono<Long> dispatchDue() {
        return tx.transactional(queue.lockDue(properties.batchSize()).concatMap(this::deliver).count());
    }

    private Mono<Void> deliver(OutgoingMail mail) {
        return sites.find(mail.siteId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(site -> site.isPresent()
                        ? deliver(mail, site.get())
                        : failedTry(mail, "The settings of site " + mail.siteId() + " are not known yet"));
    }

    private Mono<Void> deliver(OutgoingMail mail, SiteSettings site) {
        MailContent content;
        try {
            content = MailTemplates.render(mail, site, properties.adminBaseUrl());
        } catch (RuntimeException e) {
            return queue.markFailed(mail.id(), "Could not render " + mail.template() + ": " + e.getMessage());
        }
        String recipient = mail.audience() == OutgoingMail.Audience.SITE_OWNER
                ? site.ownerEmail() : String.valueOf(mail.params().get("email"));
        return Mono.fromRunnable(() -> send(site, recipient, content))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(true)
                .onErrorResume(MailException.class, error -> failedTry(mail, smtpAnswer(error)).thenReturn(false))
                .flatMap(sent -> sent
                        ? queue.markSent(mail.id(), recipient, content.subject())
                                .then(outbox.add(Topics.NOTIFICATION_EVENTS, "site", mail.siteId(), sent(mail, recipient)))
                        : Mono.empty());
    }

    private Mono<Void> failedTry(OutgoingMail mail, String error) {
        int attempts = mail.attempts() + 1;
        return attempts >= properties.maxAttempts()
                ? queue.markFailed(mail.id(), error)
                : queue.retryLater(mail.id(), properties.retryDelay(attempts), error);
    }

    private void send(SiteSettings site, String recipient, MailContent content) {
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
            throw new org.springframework.mail.MailPreparationException("Could not prepare the mail", e);
        }
        smtp.send(message);
    }

    private static String smtpAnswer(MailException error) {
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
