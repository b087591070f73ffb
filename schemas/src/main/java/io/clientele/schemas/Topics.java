package io.clientele.schemas;

/** The topics of the platform and what travels on each. Keys are aggregate ids, so one aggregate stays in order. */
public final class Topics {

    /** SignupCaptured, keyed by site and normalised e-mail. Written by customer-service's capture endpoint. */
    public static final String CUSTOMER_SIGNUPS = "customer.signups";
    /** CustomerCreated, CustomerCaptured, ..., keyed by customer id. Written by customer-service. */
    public static final String CUSTOMER_EVENTS = "customer.events";
    /** SiteUpdated, keyed by site id. Written by customer-service. */
    public static final String SITE_EVENTS = "site.events";
    /** AccessRequested, ..., keyed by customer id. Written by access-service. */
    public static final String ACCESS_EVENTS = "access.events";
    /** NotificationSent, ..., keyed by recipient. Written by notification-service. */
    public static final String NOTIFICATION_EVENTS = "notification.events";
    /**
     * Commands from import-service to customer-service, keyed by import id and batch number: the batches of one
     * import are applied side by side (a file's rows name different customers, its duplicates being reported).
     */
    public static final String IMPORT_COMMANDS = "customer.import-commands";
    /** Results of import commands, keyed by import id. Written by customer-service. */
    public static final String IMPORT_RESULTS = "customer.import-results";
    /** Import progress and completion, keyed by import id. Written by import-service. */
    public static final String IMPORT_EVENTS = "import.events";

    private Topics() {
    }
}
