package io.clientele.platform.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Seals a link's token for notification-service alone. The service that issues a link (a set-password, reset or
 * consent confirmation link) keeps only the token's hash and puts the token in its event encrypted with
 * notification-service's public key (RSA-OAEP with SHA-256), so that neither a Kafka topic nor an outbox table
 * holds a usable token: only the holder of the private key, the service that writes the mail, can open it.
 */
public final class LinkSeal {

    private static final String CIPHER = "RSA/ECB/OAEPPadding";
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);

    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    /**
     * @param publicKey  base64 of the X.509 SubjectPublicKeyInfo (DER) that seals; may be null where nothing is sealed
     * @param privateKey base64 of the PKCS#8 key (DER) that opens; null everywhere but in notification-service
     */
    public LinkSeal(String publicKey, String privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            this.publicKey = present(publicKey) ? rsa.generatePublic(new X509EncodedKeySpec(decode(publicKey))) : null;
            this.privateKey = present(privateKey) ? rsa.generatePrivate(new PKCS8EncodedKeySpec(decode(privateKey))) : null;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("clientele.links.seal-public-key / seal-private-key: not an RSA key", e);
        }
    }

    public String seal(String token) {
        if (publicKey == null) {
            throw new IllegalStateException("Set clientele.links.seal-public-key to issue links");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, publicKey, OAEP);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(cipher.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a link token", e);
        }
    }

    public String open(String sealed) {
        if (privateKey == null) {
            throw new IllegalStateException("Set clientele.links.seal-private-key to open link tokens");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, privateKey, OAEP);
            return new String(cipher.doFinal(Base64.getUrlDecoder().decode(sealed)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("A link token sealed with another key, or not sealed at all", e);
        }
    }

    private static boolean present(String key) {
        return key != null && !key.isBlank();
    }

    private static byte[] decode(String key) {
        return Base64.getMimeDecoder().decode(key.strip());
    }
}
