package io.clientele.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Issues admin tokens for a site, signed with the shared HMAC secret (the local stack and tests use them). */
public final class SiteTokens {

    public static final String SITE_CLAIM = "site";
    public static final String ROLE_CLAIM = "role";

    private SiteTokens() {
    }

    /** An owner's token. */
    public static String issue(String hmacSecret, String siteId, String subject, Duration validity) {
        return issue(hmacSecret, siteId, subject, SiteRole.OWNER, validity);
    }

    public static String issue(String hmacSecret, String siteId, String subject, SiteRole role, Duration validity) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim(SITE_CLAIM, siteId)
                .claim(ROLE_CLAIM, role.claim())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(hmacSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Cannot sign a token with this secret: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
