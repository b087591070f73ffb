package io.clientele.notification.mail;

import io.clientele.events.AccessApproved;
import io.clientele.events.AccessRejected;
import io.clientele.events.AccessRequested;
import io.clientele.events.EmailVerificationRequested;
import io.clientele.events.InvitationIssued;
import io.clientele.events.PasswordResetRequested;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.platform.json.JsonDetails;
import io.clientele.platform.link.LinkSeal;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Queues the e-mails that access requests, decisions, invitations, registrations and password resets call for. */
@Component
@KafkaListener(topics = Topics.ACCESS_EVENTS)
class AccessEventsListener {

    private final IdempotentConsumer consumer;
    private final MailRequests mails;
    private final LinkSeal seal;

    AccessEventsListener(IdempotentConsumer consumer, MailRequests mails, LinkSeal seal) {
        this.consumer = consumer;
        this.mails = mails;
        this.seal = seal;
    }

    @KafkaHandler
    void on(AccessRequested requested) {
        JsonDetails values = new JsonDetails()
                .put("requestId", requested.getRequestId())
                .put("customerId", requested.getCustomerId())
                .put("pageId", requested.getPageId())
                .put("email", requested.getEmail())
                .put("firstName", requested.getFirstName())
                .put("lastName", requested.getLastName());
        consumer.applyOnceNow("mail", requested.getEventId(),
                () -> mails.forOwnerOrDigest(MailKind.ACCESS_REQUEST_PENDING, MailKind.ACCESS_REQUESTS_DIGEST,
                        requested.getSiteId(), requested.getEventId(), values));
    }

    @KafkaHandler
    void on(InvitationIssued invitation) {
        JsonDetails values = new JsonDetails()
                .put("token", seal.open(invitation.getSealedToken()))
                .put("expiresAt", invitation.getExpiresAt().toString());
        consumer.applyOnceNow("mail", invitation.getEventId(), () -> mails.forCustomer(MailKind.INVITATION,
                invitation.getSiteId(), invitation.getEventId(), invitation.getCustomerId(), invitation.getEmail(),
                invitation.getFirstName(), invitation.getLastName(), invitation.getLocale(), values));
    }

    @KafkaHandler
    void on(PasswordResetRequested reset) {
        JsonDetails values = new JsonDetails()
                .put("token", seal.open(reset.getSealedToken()))
                .put("expiresAt", reset.getExpiresAt().toString());
        consumer.applyOnceNow("mail", reset.getEventId(), () -> mails.forCustomer(MailKind.PASSWORD_RESET,
                reset.getSiteId(), reset.getEventId(), reset.getCustomerId(), reset.getEmail(), reset.getFirstName(),
                reset.getLastName(), reset.getLocale(), values));
    }

    @KafkaHandler
    void on(EmailVerificationRequested verification) {
        JsonDetails values = new JsonDetails()
                .put("token", seal.open(verification.getSealedToken()))
                .put("expiresAt", verification.getExpiresAt().toString());
        consumer.applyOnceNow("mail", verification.getEventId(), () -> mails.forCustomer(MailKind.EMAIL_VERIFICATION,
                verification.getSiteId(), verification.getEventId(), verification.getCustomerId(), verification.getEmail(),
                verification.getFirstName(), verification.getLastName(), verification.getLocale(), values));
    }

    @KafkaHandler
    void on(AccessApproved approved) {
        JsonDetails values = new JsonDetails().put("pageId", approved.getPageId());
        consumer.applyOnceNow("mail", approved.getEventId(), () -> mails.forCustomer(MailKind.ACCESS_APPROVED,
                approved.getSiteId(), approved.getEventId(), approved.getCustomerId(), approved.getEmail(),
                approved.getFirstName(), approved.getLastName(), approved.getLocale(), values));
    }

    @KafkaHandler
    void on(AccessRejected rejected) {
        JsonDetails values = new JsonDetails().put("pageId", rejected.getPageId()).put("reason", rejected.getReason());
        consumer.applyOnceNow("mail", rejected.getEventId(), () -> mails.forCustomer(MailKind.ACCESS_REJECTED,
                rejected.getSiteId(), rejected.getEventId(), rejected.getCustomerId(), rejected.getEmail(),
                rejected.getFirstName(), rejected.getLastName(), rejected.getLocale(), values));
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
    }
}
