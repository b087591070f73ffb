package io.clientele.notification.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultSender   the From address of a site that has not set its own
 * @param adminBaseUrl    where links into the admin start (owners' mails)
 * @param publicBaseUrl   where links to a site's pages start (customers' mails: set password, reset, pages)
 * @param trackingBaseUrl where this service is reached from mail readers, for the open-tracking pixel
 * @param maxAttempts     SMTP tries before a mail is FAILED
 * @param firstRetryDelay the wait after the first failed try; it doubles with each further one
 * @param maxRetryDelay   the longest wait between two tries
 * @param pollInterval    how often the queue is looked at
 * @param batchSize       how many mails one look sends at most
 */
@ConfigurationProperties("clientele.notification")
public record NotificationProperties(String defaultSender,
                                     String adminBaseUrl,
                                     String publicBaseUrl,
                                     String trackingBaseUrl,
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
