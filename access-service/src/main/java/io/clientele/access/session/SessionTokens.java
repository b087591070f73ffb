package io.clientele.access.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.clientele.access.AccessProperties;
import io.clientele.access.customer.KnownCustomer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Customers' session tokens: HS256 JWTs signed with the session secret, which is not the admin tokens' secret, so
 * that neither kind passes for the other. The {@code iat_ms} claim keeps the issue time to the millisecond: a
 * revocation compares against it, and whole seconds would leave a token issued in the same second either way.
 */
@Component
public class SessionTokens {

    static final String ISSUER = "clientele-access";
    private static final JOSEObjectType TYPE = new JOSEObjectType("session+jwt");

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final AccessProperties properties;
    private final Clock clock;

    SessionTokens(AccessProperties properties, Clock clock) throws JOSEException {
        byte[] secret = properties.sessionSecret().getBytes(StandardCharsets.UTF_8);
        this.signer = new MACSigner(secret);
        this.verifier = new MACVerifier(secret);
        this.properties = properties;
        this.clock = clock;
    }

    IssuedSession issue(KnownCustomer customer) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.sessionValidity());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(customer.customerId().toString())
                .claim("site", customer.siteId())
                .claim("groups", customer.groups())
                .issueTime(Date.from(now))
                .claim("iat_ms", now.toEpochMilli())
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a session token", e);
        }
        return new IssuedSession(jwt.serialize(), expiresAt, customer.customerId(), customer.groups(), null, null);
    }

    /** The session, when the token is well signed, of this type, for this site and not expired; empty otherwise. */
    public Optional<Session> verify(String token, String siteId) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            Long issuedMillis = claims.getLongClaim("iat_ms");
            if (!ISSUER.equals(claims.getIssuer()) || !siteId.equals(claims.getStringClaim("site")) || expires == null
                    || issuedMillis == null || !clock.instant().isBefore(expires.toInstant())) {
                return Optional.empty();
            }
            List<String> groups = claims.getStringListClaim("groups");
            return Optional.of(new Session(siteId, UUID.fromString(claims.getSubject()), groups == null ? List.of() : groups,
                    Instant.ofEpochMilli(issuedMillis), expires.toInstant()));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
