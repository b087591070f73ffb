package io.clientele.customer.creation;

import io.clientele.platform.security.SiteGrant;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST .../customers}: the customer's fields, and optionally {@code "groups": [names]}, {@code "consent":
 * {"optedIn", "source", "evidence"}}, {@code "notes": [{"text"}]} and {@code "invite": true}, all applied at once.
 */
@RestController
class CustomerCreationController {

    private final CustomerCreation creation;

    CustomerCreationController(CustomerCreation creation) {
        this.creation = creation;
    }

    @PostMapping("/api/v1/sites/{siteId}/customers")
    Mono<ResponseEntity<Map<String, Object>>> create(@PathVariable String siteId, @RequestBody Map<String, Object> body,
                                                     @AuthenticationPrincipal Jwt token) {
        return creation.create(siteId, body, SiteGrant.actor(token)).map(created -> ResponseEntity
                .created(URI.create("/api/v1/sites/" + siteId + "/customers/" + created.fields().get("id")))
                .eTag(created.etag())
                .body(created.fields()));
    }
}
