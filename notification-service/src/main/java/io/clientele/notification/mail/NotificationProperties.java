package io.clientele.notification.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultSender   the From address of a site that has not set its own, or whose address is not in a sending domain
 * @param sendingDomains  the domains the platform sends for: a site's sender address in one of them is its mails'
 *                        From; any other becomes their Reply-To
 * @param adminBaseUrl    where links into the admin start (owners' mails)
 * @param publicBaseUrl   where links to a site's pages start (customers' mails: set password, reset, pages)
 * @param trackingBaseUrl where this service is reached from mail readers, for the open-tracking pixel
 * @param ownerMailsPerWindow separate access request mails an owner gets within the digest window; the requests
 *                        past them wait for one digest mail at the end of the window
 * @param ownerDigestWindow   how long a digest gathers requests before it goes
 * @param maxAttempts     SMTP tries before a mail is FAILED
 * @param firstRetryDelay the wait after the first failed try; it doubles with each further one
 * @param maxRetryDelay   the longest wait between two tries
 * @param pollInterval    how often the queue is looked at
 * @param batchSize       how many mails one look sends at most
 */
@ConfigurationProperties("clientele.notification")
public record NotificationProperties(String defaultSender,
                                     @DefaultValue List<String> sendingDomains,
                                     String adminBaseUrl,
                                     String publicBaseUrl,
                                     String trackingBaseUrl,
                                     @DefaultValue("5") int ownerMailsPerWindow,
                                     @DefaultValue("10m") Duration ownerDigestWindow,
                                     @DefaultValue("8") int maxAttempts,
                                     @DefaultValue("2s") Duration firstRetryDelay,
                                     @DefaultValue("10m") Duration maxRetryDelay,
                                     @DefaultValue("200ms") Duration pollInterval,
                                     @DefaultValue("100") int batchSize) {

    /** How long to wait before try number {@code attempts + 1}. */
    Duration retryDelay(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration delay = firstRetryDelay.multipliedBy(factor);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
