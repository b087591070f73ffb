package io.clientele.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.clientele.platform.PlatformTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

class AdminTokenIT extends PlatformTestSupport {

    @Value("${clientele.security.hmac-secret}")
    private String secret;

    @Test
    void withoutATokenTheAnswerIsA401Problem() {
        http.get().uri("/api/v1/sites/acme/echo").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/unauthorized");
    }

    @Test
    void aTokenForAnotherSiteIsA403Problem() {
        http.get().uri("/api/v1/sites/acme/echo").header("Authorization", "Bearer " + tokenFor("rival")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/forbidden");
    }

    @Test
    void aTokenWithoutAnExpiryIsRefused() throws Exception {
        JWTClaimsSet forEver = new JWTClaimsSet.Builder().subject("owner").claim(SiteTokens.SITE_CLAIM, "acme")
                .issueTime(new Date()).build();
        http.get().uri("/api/v1/sites/acme/echo").header("Authorization", "Bearer " + signed(forEver)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anExpiredTokenIsRefusedAndAValidOneAccepted() throws Exception {
        JWTClaimsSet expired = new JWTClaimsSet.Builder().subject("owner").claim(SiteTokens.SITE_CLAIM, "acme")
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))).build();
        http.get().uri("/api/v1/sites/acme/echo").header("Authorization", "Bearer " + signed(expired)).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/v1/sites/acme/echo").header("Authorization", "Bearer " + tokenFor("acme")).exchange()
                .expectStatus().isOk();
    }

    private String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
