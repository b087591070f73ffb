package io.clientele.notification.mail;

import jakarta.mail.internet.MimeMessage;

/**
 * A due mail made ready to go out, as an e-mail or a short text, or what keeps it from going: its site is not
 * known yet ({@code NOT_READY}, tried again later), it cannot be rendered ({@code BROKEN}, FAILED), or it is
 * marketing for a customer who did not opt in ({@code SUPPRESSED}).
 */
record PreparedMail(OutgoingMail mail, Outcome outcome, String problem, String recipient, String subject, Channel channel,
                    SentAs contentType, String locale, String openToken, MimeMessage email, String smsText) {

    enum Outcome { READY, NOT_READY, BROKEN, SUPPRESSED }

    enum Channel { EMAIL, SMS }

    /** What went out: HTML only, plain text only, both as multipart/alternative, or a short text. */
    enum SentAs { HTML, TEXT, MULTIPART, SHORT_TEXT }

    static PreparedMail email(OutgoingMail mail, String recipient, String subject, String locale, SentAs contentType,
                              String openToken, MimeMessage email) {
        return new PreparedMail(mail, Outcome.READY, null, recipient, subject, Channel.EMAIL, contentType, locale, openToken,
                email, null);
    }

    static PreparedMail sms(OutgoingMail mail, String number, String locale, String text) {
        return new PreparedMail(mail, Outcome.READY, null, number, text, Channel.SMS, SentAs.SHORT_TEXT, locale, null,
                null, text);
    }

    static PreparedMail notGoing(OutgoingMail mail, Outcome outcome, String problem) {
        return new PreparedMail(mail, outcome, problem, null, null, null, null, null, null, null, null);
    }
}
