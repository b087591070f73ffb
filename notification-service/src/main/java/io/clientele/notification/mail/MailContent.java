package io.clientele.notification.mail;

/** A rendered mail. */
record MailContent(String subject, String text) {
}
