package io.clientele.notification.mail;

import jakarta.mail.internet.MimeMessage;

/**
 * A due mail made ready to send, or the reason it cannot go now: {@code broken} (it never can: FAILED) or not
 * ready (its site's settings are missing: tried again later).
 */
record PreparedMail(OutgoingMail mail, String recipient, MailContent content, MimeMessage message, String problem,
                    boolean broken) {

    static PreparedMail ready(OutgoingMail mail, String recipient, MailContent content, MimeMessage message) {
        return new PreparedMail(mail, recipient, content, message, null, false);
    }

    static PreparedMail notReady(OutgoingMail mail, String problem) {
        return new PreparedMail(mail, null, null, null, problem, false);
    }

    static PreparedMail broken(OutgoingMail mail, String problem) {
        return new PreparedMail(mail, null, null, null, problem, true);
    }
}
