package io.clientele.platform.link;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sealPublicKey  notification-service's public key, which the services that issue links seal tokens with
 * @param sealPrivateKey its private key, set in notification-service only
 */
@ConfigurationProperties("clientele.links")
public record LinkSealProperties(String sealPublicKey, String sealPrivateKey) {
}
