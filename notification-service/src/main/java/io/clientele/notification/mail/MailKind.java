package io.clientele.notification.mail;

import java.util.Arrays;

/** Every mail the platform sends: its template, who receives it, and whether it is marketing. */
public enum MailKind {
    ACCESS_REQUEST_PENDING("access-request-pending", OutgoingMail.Audience.SITE_OWNER, false),
    /** The access requests of a burst, in one mail once the owner has had a few separate ones. */
    ACCESS_REQUESTS_DIGEST("access-requests-digest", OutgoingMail.Audience.SITE_OWNER, false),
    IMPORT_FINISHED("import-finished", OutgoingMail.Audience.SITE_OWNER, false),
    INVITATION("invitation", OutgoingMail.Audience.CUSTOMER, false),
    PASSWORD_RESET("password-reset", OutgoingMail.Audience.CUSTOMER, false),
    /** An app's registration: the link makes the password chosen in the app count. */
    EMAIL_VERIFICATION("email-verification", OutgoingMail.Audience.CUSTOMER, false),
    /** The double opt-in's link: not marketing, it asks whether marketing may be sent. */
    CONSENT_CONFIRMATION("consent-confirmation", OutgoingMail.Audience.CUSTOMER, false),
    ACCESS_APPROVED("access-approved", OutgoingMail.Audience.CUSTOMER, false),
    ACCESS_REJECTED("access-rejected", OutgoingMail.Audience.CUSTOMER, false),
    /** Marketing: goes only to customers who opted in to e-mail marketing. */
    NEWSLETTER_WELCOME("newsletter-welcome", OutgoingMail.Audience.CUSTOMER, true);

    private final String template;
    private final OutgoingMail.Audience audience;
    private final boolean marketing;

    MailKind(String template, OutgoingMail.Audience audience, boolean marketing) {
        this.template = template;
        this.audience = audience;
        this.marketing = marketing;
    }

    public String template() {
        return template;
    }

    public OutgoingMail.Audience audience() {
        return audience;
    }

    public boolean marketing() {
        return marketing;
    }

    static MailKind ofTemplate(String template) {
        return Arrays.stream(values()).filter(kind -> kind.template.equals(template)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown template " + template));
    }
}
