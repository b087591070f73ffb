package io.clientele.gateway.console;

import java.util.Map;
import java.util.Set;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One import, where the "import finished" mail leads: its progress (the page follows it while it runs), what it did,
 * and its failure report to download.
 */
@Controller
class ImportPages {

    private static final Set<String> REPORT_FORMATS = Set.of("xlsx", "csv");

    private final Console console;
    private final ConsoleCalls calls;

    ImportPages(Console console, ConsoleCalls calls) {
        this.console = console;
        this.calls = calls;
    }

    @GetMapping("/admin/sites/{siteId}/imports/{importId}")
    Mono<Rendering> progress(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                             @PathVariable String importId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.get(calls.imports(),
                        uri -> uri.path("/api/v1/sites/{siteId}/imports/{importId}").build(siteId, importId), ConsoleCalls.JSON)
                .map(job -> screen.show("console/import", Map.of("job", job,
                        "running", !Set.of("FINISHED", "FAILED").contains(String.valueOf(job.get("status")))))));
    }

    @GetMapping("/admin/sites/{siteId}/imports/{importId}/failures.{format}")
    Mono<ResponseEntity<Flux<DataBuffer>>> failures(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                                                    @PathVariable String importId, @PathVariable String format,
                                                    ServerWebExchange exchange) {
        if (!REPORT_FORMATS.contains(format)) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        return console.open(user, siteId, exchange).flatMap(screen -> calls.download(calls.imports(),
                "/api/v1/sites/" + siteId + "/imports/" + importId + "/failures." + format));
    }
}
