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
import org.springframework.http.HttpMethod;
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

    @Test
    void aViewerReadsAnEditorWritesAndOnlyAnOwnerMayDoWhatIsTheOwners() {
        String viewer = SiteTokens.issue(secret, "acme", "vera", SiteRole.VIEWER, Duration.ofMinutes(5));
        String editor = SiteTokens.issue(secret, "acme", "ed", SiteRole.EDITOR, Duration.ofMinutes(5));
        String owner = SiteTokens.issue(secret, "acme", "olga", SiteRole.OWNER, Duration.ofMinutes(5));

        call(HttpMethod.GET, "/echo", viewer).expectStatus().isOk();
        call(HttpMethod.POST, "/echo/search", viewer).expectStatus().isOk();
        call(HttpMethod.POST, "/echo", viewer).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/forbidden");
        call(HttpMethod.DELETE, "/echo", viewer).expectStatus().isForbidden();

        call(HttpMethod.POST, "/echo", editor).expectStatus().isOk();
        call(HttpMethod.DELETE, "/echo", editor).expectStatus().isOk();
        call(HttpMethod.DELETE, "/echo?erase=true", editor).expectStatus().isForbidden();
        call(HttpMethod.DELETE, "/echo?erase=TRUE", editor).expectStatus().isForbidden();

        call(HttpMethod.DELETE, "/echo?erase=true", owner).expectStatus().isOk();
    }

    @Test
    void aTokenWithoutARoleOrWithAnUnknownOneMayDoNothing() throws Exception {
        JWTClaimsSet noRole = new JWTClaimsSet.Builder().subject("owner").claim(SiteTokens.SITE_CLAIM, "acme")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build();
        JWTClaimsSet unknownRole = new JWTClaimsSet.Builder().subject("owner").claim(SiteTokens.SITE_CLAIM, "acme")
                .claim(SiteTokens.ROLE_CLAIM, "admin")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build();

        call(HttpMethod.GET, "/echo", signed(noRole)).expectStatus().isForbidden();
        call(HttpMethod.GET, "/echo", signed(unknownRole)).expectStatus().isForbidden();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec call(HttpMethod method, String path,
                                                                                          String token) {
        var request = http.method(method).uri("/api/v1/sites/acme" + path).header("Authorization", "Bearer " + token);
        return method == HttpMethod.POST
                ? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"x\"}").exchange()
                : request.exchange();
    }

    private String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
