package io.clientele.customer.capture;

import io.clientele.platform.limit.RateLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse limits of the capture endpoint, each {@code COUNT/PERIOD}, shared by every instance.
 *
 * @param signupsPerAddress sign-ups from one client address
 * @param signupsPerSite    sign-ups on one site, from everywhere: a flood of made-up visitors stops here
 */
@ConfigurationProperties("clientele.capture")
public record CaptureLimits(@DefaultValue("20/10m") RateLimit signupsPerAddress,
                            @DefaultValue("10000/10m") RateLimit signupsPerSite) {
}
