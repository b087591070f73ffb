package io.clientele.notification.mail;

import io.clientele.events.NotificationSent;
import io.clientele.notification.customer.CustomerContact;
import io.clientele.notification.customer.CustomerContacts;
import io.clientele.notification.site.SiteSettings;
import io.clientele.notification.site.SiteSettingsRepository;
import io.clientele.notification.sms.SmsSender;
import io.clientele.notification.template.RenderedMail;
import io.clientele.notification.template.TemplateCatalog;
import io.clientele.platform.link.UnsubscribeTokens;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.polling.PollingLifecycle;
import io.clientele.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends what is due in the queue: e-mails over one SMTP connection per batch, short texts through the
 * {@link SmsSender}. A mail the server refuses, or whose site is not known yet, is tried again later with
 * exponential backoff, and marked FAILED with the last error once the tries run out.
 */
@Component
class MailDispatcher extends PollingLifecycle {

    private final MailQueue queue;
    private final SiteSettingsRepository sites;
    private final CustomerContacts contacts;
    private final TemplateCatalog templates;
    private final MailMessages messages;
    private final JavaMailSender smtp;
    private final SmsSender sms;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final NotificationProperties properties;
    private final UnsubscribeTokens unsubscribeTokens;

    private final MeterRegistry meters;

    MailDispatcher(MailQueue queue, SiteSettingsRepository sites, CustomerContacts contacts, TemplateCatalog templates,
                   MailMessages messages, JavaMailSender smtp, SmsSender sms, Outbox outbox, TransactionalOperator tx,
                   NotificationProperties properties, UnsubscribeTokens unsubscribeTokens, MeterRegistry meters) {
        this.meters = meters;
        this.queue = queue;
        this.sites = sites;
        this.contacts = contacts;
        this.templates = templates;
        this.messages = messages;
        this.smtp = smtp;
        this.sms = sms;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.unsubscribeTokens = unsubscribeTokens;
        poll("Mail dispatcher", properties.pollInterval(), properties.pollInterval(), this::dispatchAllDue);
    }

    /** Sends batch after batch while full ones come: a loaded queue does not wait for the next poll. */
    Mono<Integer> dispatchAllDue() {
        return dispatchDue().expand(count -> count == properties.batchSize() ? dispatchDue() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    /** Sends one batch of due mails; answers how many it looked at. */
    Mono<Integer> dispatchDue() {
        return tx.transactional(queue.lockDue(properties.batchSize()).collectList()
                .flatMap(due -> due.isEmpty() ? Mono.just(0) : Mono.zip(sitesOf(due), contactsOf(due))
                        .flatMap(known -> deliver(due.stream()
                                .map(mail -> prepare(mail, known.getT1().get(mail.siteId()), known.getT2().get(mail.customerId())))
                                .toList()))
                        .thenReturn(due.size())));
    }

    private Mono<Map<String, SiteSettings>> sitesOf(List<OutgoingMail> due) {
        return Flux.fromStream(due.stream().map(OutgoingMail::siteId).distinct()).concatMap(sites::find)
                .collectMap(SiteSettings::siteId);
    }

    private Mono<Map<String, CustomerContact>> contactsOf(List<OutgoingMail> due) {
        return contacts.find(due.stream().map(OutgoingMail::customerId).filter(Objects::nonNull).distinct().toList())
                .collectMap(CustomerContact::customerId);
    }

    private PreparedMail prepare(OutgoingMail mail, SiteSettings site, CustomerContact contact) {
        if (site == null) {
            return PreparedMail.notGoing(mail, PreparedMail.Outcome.NOT_READY,
                    "The settings of site " + mail.siteId() + " are not known yet");
        }
        MailKind kind = mail.kind();
        if (kind.marketing() && (contact == null || !contact.marketingOptIn())) {
            return PreparedMail.notGoing(mail, PreparedMail.Outcome.SUPPRESSED, "Not opted in to e-mail marketing");
        }
        try {
            boolean toOwner = kind.audience() == OutgoingMail.Audience.SITE_OWNER;
            List<String> locales = toOwner ? List.of(site.locale())
                    : Stream.of((String) mail.params().get("locale"), contact == null ? null : contact.locale(), site.locale())
                            .filter(Objects::nonNull).toList();
            String locale = templates.localeFor(kind.template(), locales);
            String unsubscribe = kind.marketing() ? unsubscribeTokens.issue(site.siteId(), UUID.fromString(mail.customerId())) : null;
            String preference = toOwner || contact == null ? "UNKNOWN" : contact.contentType();
            if ("SHORT_TEXT".equals(preference) && contact.smsNumber() != null) {
                RenderedMail rendered = templates.render(kind.template(), List.of(locale),
                        MailValues.of(mail, site, properties, null, locale, unsubscribe));
                if (rendered.sms() != null) {
                    return PreparedMail.sms(mail, contact.smsNumber(), rendered.locale(), rendered.sms());
                }
            }
            PreparedMail.SentAs sentAs = switch (preference) {
                case "HTML" -> PreparedMail.SentAs.HTML;
                case "TEXT", "SHORT_TEXT" -> PreparedMail.SentAs.TEXT;
                default -> PreparedMail.SentAs.MULTIPART;
            };
            String openToken = sentAs == PreparedMail.SentAs.TEXT ? null : OpenTokens.next();
            String pixelUrl = openToken == null ? null : properties.trackingBaseUrl() + "/api/v1/tracking/opens/" + openToken + ".gif";
            RenderedMail rendered = templates.render(kind.template(), List.of(locale),
                    MailValues.of(mail, site, properties, pixelUrl, locale, unsubscribe));
            String recipient = toOwner ? site.ownerEmail() : String.valueOf(mail.params().get("email"));
            return PreparedMail.email(mail, recipient, rendered.subject(), rendered.locale(), sentAs, openToken,
                    messages.create(site, recipient, rendered, sentAs,
                            unsubscribe == null ? null : MailValues.unsubscribeLink(properties, site.siteId(), unsubscribe,
                                    locale.split("-")[0])));
        } catch (RuntimeException e) {
            return PreparedMail.notGoing(mail, PreparedMail.Outcome.BROKEN,
                    "Could not prepare " + kind.template() + ": " + e.getMessage());
        }
    }

    private Mono<Void> deliver(List<PreparedMail> prepared) {
        return Mono.fromCallable(() -> send(prepared))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(refused -> {
                    List<PreparedMail> sent = prepared.stream()
                            .filter(mail -> mail.outcome() == PreparedMail.Outcome.READY && !refused.containsKey(mail.mail().id()))
                            .toList();
                    return queue.markSent(sent)
                            .doOnSuccess(marked -> counted("sent", sent.size()))
                            .then(outbox.addAll(Topics.NOTIFICATION_EVENTS, "site",
                                    sent.stream().<Map.Entry<String, SpecificRecord>>map(mail ->
                                            Map.entry(mail.mail().siteId(), sent(mail))).toList()))
                            .then(Flux.fromIterable(prepared).filter(mail -> !sent.contains(mail))
                                    .concatMap(mail -> recordNotSent(mail, refused.get(mail.mail().id()))).then());
                });
    }

    /** Sends what is ready; answers the mails that were refused, with the answer. */
    private Map<UUID, String> send(List<PreparedMail> prepared) {
        Map<UUID, String> refused = new HashMap<>();
        List<PreparedMail> emails = new ArrayList<>();
        for (PreparedMail mail : prepared) {
            if (mail.outcome() != PreparedMail.Outcome.READY) {
                continue;
            }
            if (mail.channel() == PreparedMail.Channel.EMAIL) {
                emails.add(mail);
            } else {
                try {
                    sms.send(mail.recipient(), mail.smsText());
                } catch (RuntimeException e) {
                    refused.put(mail.mail().id(), "SMS refused: " + e.getMessage());
                }
            }
        }
        if (!emails.isEmpty()) {
            try {
                smtp.send(emails.stream().map(PreparedMail::email).toArray(jakarta.mail.internet.MimeMessage[]::new));
            } catch (MailSendException e) {
                for (PreparedMail mail : emails) {
                    Exception failure = e.getFailedMessages().get(mail.email());
                    if (failure != null || e.getFailedMessages().isEmpty()) {
                        refused.put(mail.mail().id(), smtpAnswer(failure != null ? failure : e));
                    }
                }
            } catch (MailException e) {
                emails.forEach(mail -> refused.put(mail.mail().id(), smtpAnswer(e)));
            }
        }
        return refused;
    }

    private Mono<Void> recordNotSent(PreparedMail prepared, String refusal) {
        OutgoingMail mail = prepared.mail();
        return switch (prepared.outcome()) {
            case BROKEN -> queue.markFailed(mail.id(), prepared.problem()).doOnSuccess(marked -> counted("failed", 1));
            case NOT_READY -> failedTry(mail, prepared.problem());
            case SUPPRESSED -> queue.markSuppressed(mail.id(), prepared.problem()).doOnSuccess(marked -> counted("suppressed", 1));
            case READY -> failedTry(mail, refusal);
        };
    }

    private Mono<Void> failedTry(OutgoingMail mail, String error) {
        int attempts = mail.attempts() + 1;
        return attempts >= properties.maxAttempts()
                ? queue.markFailed(mail.id(), error).doOnSuccess(marked -> counted("failed", 1))
                : queue.retryLater(mail.id(), properties.retryDelay(attempts), error).doOnSuccess(marked -> counted("retried", 1));
    }

    /** {@code clientele.mails} by outcome: sent, retried (a try failed, another is due), failed, suppressed. */
    private void counted(String outcome, int mails) {
        if (mails > 0) {
            meters.counter("clientele.mails", "outcome", outcome).increment(mails);
        }
    }

    private static String smtpAnswer(Exception error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return error.getMessage() + (cause != error ? " (" + cause.getMessage() + ")" : "");
    }

    private static NotificationSent sent(PreparedMail prepared) {
        OutgoingMail mail = prepared.mail();
        return NotificationSent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(mail.siteId())
                .setNotificationId(mail.id().toString())
                .setTemplate(mail.kind().template())
                .setRecipient(prepared.recipient())
                .setCustomerId(mail.customerId())
                .build();
    }
}
