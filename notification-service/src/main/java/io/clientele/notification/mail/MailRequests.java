package io.clientele.notification.mail;

import io.clientele.notification.site.SiteSettingsRepository;
import io.clientele.platform.json.JsonDetails;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Queues the mail an event calls for, once per event and kind. Call it in the consumer's transaction. */
@Component
public class MailRequests {

    private final MailQueue queue;
    private final SiteSettingsRepository sites;
    private final NotificationProperties properties;

    MailRequests(MailQueue queue, SiteSettingsRepository sites, NotificationProperties properties) {
        this.queue = queue;
        this.sites = sites;
        this.properties = properties;
    }

    public Mono<Void> forOwner(MailKind kind, String siteId, String eventId, JsonDetails values) {
        return queue.enqueue(siteId, eventId, kind, null, values);
    }

    /**
     * An owner mail that bursts gather into a digest: while the site's owner has had fewer than a few mails of this
     * kind within the window, it goes as it is; past them, it joins the digest that goes at the end of the window.
     * A site that asked for every mail separately gets them so.
     */
    public Mono<Void> forOwnerOrDigest(MailKind kind, MailKind digest, String siteId, String eventId, JsonDetails values) {
        return sites.digestsOwnerMails(siteId).flatMap(digests -> digests
                ? withinWindow(kind, digest, siteId, eventId, values)
                : queue.enqueue(siteId, eventId, kind, null, values));
    }

    private Mono<Void> withinWindow(MailKind kind, MailKind digest, String siteId, String eventId, JsonDetails values) {
        Instant now = Instant.now();
        return queue.lockOwnerMailsOf(siteId)
                .then(queue.queuedSince(siteId, kind, now.minus(properties.ownerDigestWindow())))
                .flatMap(recent -> recent < properties.ownerMailsPerWindow()
                        ? queue.enqueue(siteId, eventId, kind, null, values)
                        : queue.addToDigest(siteId, eventId, digest, values, now.plus(properties.ownerDigestWindow())));
    }

    /** @param values what the template needs beyond who the customer is; may be null */
    public Mono<Void> forCustomer(MailKind kind, String siteId, String eventId, String customerId, String email,
                                  String firstName, String lastName, String locale, JsonDetails values) {
        JsonDetails all = (values == null ? new JsonDetails() : values)
                .put("email", email).put("firstName", firstName).put("lastName", lastName).put("locale", locale);
        return queue.enqueue(siteId, eventId, kind, customerId, all);
    }
}
