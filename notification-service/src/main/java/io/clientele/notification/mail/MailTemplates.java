package io.clientele.notification.mail;

import io.clientele.notification.site.SiteSettings;

/** Finds the template a queued mail names and renders it. */
final class MailTemplates {

    private MailTemplates() {
    }

    static MailContent render(OutgoingMail mail, SiteSettings site, String adminBaseUrl) {
        return switch (mail.template()) {
            case AccessRequestPendingMail.TEMPLATE -> AccessRequestPendingMail.render(site, mail.params(), adminBaseUrl);
            default -> throw new IllegalArgumentException("Unknown template " + mail.template());
        };
    }
}
