package io.clientele.notification.template;

/**
 * A mail rendered in one locale: subject, plain text, HTML, and the short text for SMS (null when the template
 * has none).
 */
public record RenderedMail(String locale, String subject, String text, String html, String sms) {
}
