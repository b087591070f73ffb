package io.clientele.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the service (the gateway, the ingress
 *                       controller) whose {@code Forwarded} / {@code X-Forwarded-For} hops are believed; none by default
 */
@ConfigurationProperties("clientele.web")
public record TrustedProxiesProperties(@DefaultValue List<String> trustedProxies) {
}
