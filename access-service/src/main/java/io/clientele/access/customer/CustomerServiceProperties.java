package io.clientele.access.customer;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where access-service asks customer-service about a customer it has not heard of yet ({@code clientele.customer-service.*}).
 *
 * @param arrivalWait how long a request waits for a customer customer-service has to reach access-service
 * @param timeout     how long customer-service is given to answer
 */
@ConfigurationProperties("clientele.customer-service")
public record CustomerServiceProperties(@DefaultValue("http://localhost:8081") URI url,
                                        @DefaultValue("5s") Duration arrivalWait,
                                        @DefaultValue("3s") Duration timeout) {
}
