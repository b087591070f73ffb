package io.clientele.customer.personaldata;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the other services answer their part of a customer's personal data report ({@code clientele.personal-data.*}).
 *
 * @param timeout how long the report waits for each service
 */
@ConfigurationProperties("clientele.personal-data")
record PersonalDataSources(URI accessUrl, URI importUrl, URI notificationUrl, Duration timeout) {
}
