package io.clientele.schemas;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The topics of the platform, what travels on each, who writes and who reads it. Keys are aggregate ids, so one
 * aggregate stays in order. {@link #CATALOGUE} is the single account of who uses which topic: each service checks at
 * start that its listeners and outbox match it, and the Kafka users of {@code deploy/k8s} are compared with it.
 *
 * <p>Only {@code site.events} is compacted: each of its records (SiteUpdated) carries a site's whole settings, so the
 * newest per site is all a projection rebuilt from the start needs. Every other topic carries changes a consumer
 * must see one by one (a rename, an erasure, a batch), so they are kept by time instead.
 */
public final class Topics {

    public static final String CUSTOMER_SERVICE = "customer-service";
    public static final String ACCESS_SERVICE = "access-service";
    public static final String IMPORT_SERVICE = "import-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";

    /** SignupCaptured, keyed by site and normalised e-mail. Written by customer-service's capture endpoint. */
    public static final String CUSTOMER_SIGNUPS = "customer.signups";
    /** CustomerCreated, CustomerCaptured, ..., keyed by customer id. Written by customer-service. */
    public static final String CUSTOMER_EVENTS = "customer.events";
    /** SiteUpdated (a site's whole settings), keyed by site id, compacted. Written by customer-service. */
    public static final String SITE_EVENTS = "site.events";
    /**
     * GroupChanged, keyed by site id so that one site's creations, renames and deletions stay in order. A topic of
     * its own: a rename is a step, not a state, and compaction by site would drop it.
     */
    public static final String GROUP_EVENTS = "group.events";
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

    /** Where a reader sends a record it cannot apply: the topic's name and this suffix. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /**
     * One topic and its users.
     *
     * @param writer            the one service that writes it
     * @param readers           the services that listen to it, each writing the records it cannot apply to the
     *                          topic's dead-letter topic
     * @param deadLetterReaders the services that listen to its dead-letter topic (they never dead-letter again)
     * @param compacted         whether the newest record per key is all a reader needs
     */
    public record Topic(String name, String writer, Set<String> readers, Set<String> deadLetterReaders, boolean compacted) {

        public String deadLetters() {
            return name + DEAD_LETTER_SUFFIX;
        }
    }

    public static final List<Topic> CATALOGUE = List.of(
            new Topic(CUSTOMER_SIGNUPS, CUSTOMER_SERVICE, Set.of(CUSTOMER_SERVICE), Set.of(), false),
            new Topic(CUSTOMER_EVENTS, CUSTOMER_SERVICE, Set.of(ACCESS_SERVICE, IMPORT_SERVICE, NOTIFICATION_SERVICE),
                    Set.of(), false),
            new Topic(SITE_EVENTS, CUSTOMER_SERVICE, Set.of(NOTIFICATION_SERVICE), Set.of(), true),
            new Topic(GROUP_EVENTS, CUSTOMER_SERVICE, Set.of(ACCESS_SERVICE), Set.of(), false),
            new Topic(ACCESS_EVENTS, ACCESS_SERVICE, Set.of(CUSTOMER_SERVICE, NOTIFICATION_SERVICE), Set.of(), false),
            new Topic(NOTIFICATION_EVENTS, NOTIFICATION_SERVICE, Set.of(CUSTOMER_SERVICE), Set.of(), false),
            new Topic(IMPORT_COMMANDS, IMPORT_SERVICE, Set.of(CUSTOMER_SERVICE), Set.of(IMPORT_SERVICE), false),
            new Topic(IMPORT_RESULTS, CUSTOMER_SERVICE, Set.of(IMPORT_SERVICE), Set.of(), false),
            new Topic(IMPORT_EVENTS, IMPORT_SERVICE, Set.of(CUSTOMER_SERVICE, NOTIFICATION_SERVICE), Set.of(), false));

    private Topics() {
    }

    public static Optional<Topic> named(String name) {
        return CATALOGUE.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** The topics a service writes. */
    public static List<Topic> writtenBy(String service) {
        return CATALOGUE.stream().filter(topic -> topic.writer().equals(service)).toList();
    }

    /** The topics a service listens to (dead-letter topics included, by their names). */
    public static Set<String> listenedToBy(String service) {
        Set<String> names = new java.util.TreeSet<>();
        for (Topic topic : CATALOGUE) {
            if (topic.readers().contains(service)) {
                names.add(topic.name());
            }
            if (topic.deadLetterReaders().contains(service)) {
                names.add(topic.deadLetters());
            }
        }
        return names;
    }

    /** The topics a service writes or reads, each with its dead-letter topic: what it needs to exist. */
    public static List<Topic> usedBy(String service) {
        return CATALOGUE.stream().filter(topic -> topic.writer().equals(service) || topic.readers().contains(service)
                || topic.deadLetterReaders().contains(service)).toList();
    }
}
