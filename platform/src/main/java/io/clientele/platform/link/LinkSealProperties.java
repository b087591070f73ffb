package io.clientele.platform.link;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sealPublicKey  notification-service's public key, which the services that issue links seal tokens with
 * @param sealPrivateKey its private key, set in notification-service only
 * @param unsubscribeSecret the key of mails' unsubscribe links (see UnsubscribeTokens): notification-service signs
 *                          them, customer-service checks them
 */
@ConfigurationProperties("clientele.links")
public record LinkSealProperties(String sealPublicKey, String sealPrivateKey, String unsubscribeSecret) {
}
