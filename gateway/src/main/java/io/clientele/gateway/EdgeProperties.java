package io.clientele.gateway;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services behind the edge are reached, and how long what the edge learns of a site is kept.
 *
 * @param siteProfileTtl how long a site's name, language and allowed origins are kept before they are asked again:
 *                       a change of a site's origins takes effect within this time
 * @param serviceTimeout how long a page waits for a service before it says the platform is busy
 * @param consoleEndSessionUrl the identity provider's end-session endpoint, where signing out of the console ends
 *                       the provider's session too (none: only the console's ends)
 */
@ConfigurationProperties("clientele.edge")
public record EdgeProperties(URI customerUrl, URI accessUrl, URI importUrl, URI notificationUrl,
                             @DefaultValue("30s") Duration siteProfileTtl,
                             @DefaultValue("5s") Duration serviceTimeout, URI consoleEndSessionUrl) {
}
