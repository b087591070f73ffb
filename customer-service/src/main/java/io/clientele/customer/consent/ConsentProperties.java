package io.clientele.customer.consent;

import io.clientele.platform.limit.RateLimit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param confirmationValidity    how long a double opt-in's confirmation link is valid
 * @param confirmationMailsPerDay how many confirmation links one customer is mailed within 24 hours at most: more
 *                                sign-ups for the same address are recorded on the timeline but mail nothing
 * @param confirmationsPerAddress confirmation links followed (or guessed) from one client address, as COUNT/PERIOD
 */
@ConfigurationProperties("clientele.consent")
public record ConsentProperties(@DefaultValue("7d") Duration confirmationValidity,
                                @DefaultValue("3") int confirmationMailsPerDay,
                                @DefaultValue("20/10m") RateLimit confirmationsPerAddress) {
}
