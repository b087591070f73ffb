package io.clientele.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class SiteGrantTest {

    @Test
    void aTokenOfOneSiteGrantsItsRoleThereOnly() {
        Jwt token = token(Map.of("site", "demo", "role", "editor"));

        assertThat(SiteGrant.roleOn(token, "demo")).contains(SiteRole.EDITOR);
        assertThat(SiteGrant.roleOn(token, "other")).isEmpty();
    }

    @Test
    void aCollaboratorOfSeveralSitesHasTheRoleEachNames() {
        Jwt token = token(Map.of("sites", Map.of("demo", "owner", "shop", "viewer")));

        assertThat(SiteGrant.roleOn(token, "demo")).contains(SiteRole.OWNER);
        assertThat(SiteGrant.roleOn(token, "shop")).contains(SiteRole.VIEWER);
        assertThat(SiteGrant.roleOn(token, "other")).isEmpty();
    }

    @Test
    void aRoleNobodyKnowsGrantsNothing() {
        assertThat(SiteGrant.roleOn(token(Map.of("sites", Map.of("demo", "admin"))), "demo")).isEmpty();
        assertThat(SiteGrant.roleOn(token(Map.of("site", "demo")), "demo")).isEmpty();
    }

    @Test
    void theActorIsTheTokensSubject() {
        assertThat(SiteGrant.actor(Jwt.withTokenValue("t").header("alg", "none").subject("owner@demo.test")
                .claim("site", "demo").issuedAt(Instant.now()).build())).isEqualTo("owner@demo.test");
        assertThat(SiteGrant.actor(token(Map.of("site", "demo")))).isEqualTo("unknown");
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "none").claims(all -> all.putAll(claims)).build();
    }
}
