package io.clientele.access.check;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Asked by the site's pages: may the visitor holding this session token see this page? */
@RestController
class AccessCheckController {

    private static final String BEARER = "Bearer ";

    private final AccessCheck check;

    AccessCheckController(AccessCheck check) {
        this.check = check;
    }

    @GetMapping("/api/v1/sites/{siteId}/pages/{pageId}/access")
    Mono<AccessAnswer> access(@PathVariable String siteId, @PathVariable String pageId,
                              @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
        return check.check(siteId, pageId, token);
    }
}
