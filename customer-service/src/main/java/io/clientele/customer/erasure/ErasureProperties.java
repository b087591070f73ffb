package io.clientele.customer.erasure;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param services the services that erase a customer's data and confirm it: an erasure is complete when each has */
@ConfigurationProperties("clientele.erasure")
record ErasureProperties(List<String> services) {
}
