package io.clientele.customer.collaborator;

import io.clientele.customer.CustomerServiceITSupport;
import io.clientele.platform.security.SiteRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class CollaboratorSettingsIT extends CustomerServiceITSupport {

    private static final String SITE = "settings";
    private static final String PATH = "/api/v1/sites/" + SITE + "/collaborators/me/settings";

    @Test
    void eachCollaboratorChoosesTheirOwnOverviewColumnsAViewerToo() {
        mine(SiteRole.OWNER).expectStatus().isOk().expectBody()
                .jsonPath("$.overviewColumns").isEqualTo(List.of("firstName", "lastName", "email", "groups"));

        change(SiteRole.OWNER, "{\"overviewColumns\": [\"email\", \"country\", \"tags\"]}").expectStatus().isOk();
        change(SiteRole.VIEWER, "{\"overviewColumns\": [\"lastName\", \"organization\"]}").expectStatus().isOk();

        mine(SiteRole.OWNER).expectBody().jsonPath("$.overviewColumns").isEqualTo(List.of("email", "country", "tags"));
        mine(SiteRole.VIEWER).expectBody().jsonPath("$.overviewColumns").isEqualTo(List.of("lastName", "organization"));
        mine(SiteRole.EDITOR).expectBody().jsonPath("$.overviewColumns").isEqualTo(List.of("firstName", "lastName", "email", "groups"));
    }

    @Test
    void columnsThatAreNoFieldOrTwiceAreRefused() {
        change(SiteRole.EDITOR, "{\"overviewColumns\": [\"email\", \"shoeSize\"]}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("overviewColumns");
        change(SiteRole.EDITOR, "{\"overviewColumns\": [\"email\", \"email\"]}").expectStatus().isBadRequest();
        change(SiteRole.EDITOR, "{\"overviewColumns\": []}").expectStatus().isBadRequest();
        mine(SiteRole.EDITOR).expectBody().jsonPath("$.overviewColumns[0]").isEqualTo("firstName");
    }

    private WebTestClient.ResponseSpec mine(SiteRole role) {
        return http.get().uri(PATH).headers(headers -> headers.setBearerAuth(tokenFor(SITE, role))).exchange();
    }

    private WebTestClient.ResponseSpec change(SiteRole role, String json) {
        return http.put().uri(PATH).headers(headers -> headers.setBearerAuth(tokenFor(SITE, role)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
