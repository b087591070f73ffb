package io.clientele.gateway.console;

import io.clientele.gateway.Forms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Import / Export: the site's imports, the example file, an upload whose columns the owner checks and maps before
 * any row is read, then the import's progress (the page follows its server-sent events while it runs), what it did,
 * and its failure report; and the export of every customer.
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

    @GetMapping("/admin/sites/{siteId}/imports")
    Mono<Rendering> imports(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> list(screen, List.of()));
    }

    private Mono<Rendering> list(Console.Screen screen, List<String> problems) {
        return calls.get(calls.imports(), uri -> uri.path("/api/v1/sites/{siteId}/imports").queryParam("limit", 20)
                        .build(screen.siteId()), ConsoleCalls.JSON_LIST)
                .map(imports -> screen.show("console/imports", Map.of("imports", imports, "problems", problems)));
    }

    /** The chosen file goes to import-service to be inspected; the owner then sees its columns. */
    @PostMapping("/admin/sites/{siteId}/imports")
    Mono<Rendering> upload(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getMultipartData().flatMap(parts -> {
            // The page's file input is required: only a request made otherwise comes without one.
            if (!(parts.getFirst("file") instanceof FilePart file) || file.filename().isBlank()) {
                return Mono.just(screen.redirect(screen.base() + "/imports"));
            }
            return calls.upload(calls.imports(), "/api/v1/sites/" + siteId + "/imports/inspections", file)
                    .map(inspection -> screen.redirect(screen.base() + "/imports/inspections/" + inspection.get("id")))
                    .onErrorResume(ConsoleProblem.class, problem -> list(screen, problem.listed()));
        }));
    }

    @GetMapping("/admin/sites/{siteId}/imports/inspections/{inspectionId}")
    Mono<Rendering> mapping(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                            @PathVariable String inspectionId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> mapping(screen, inspectionId, null, List.of()));
    }

    private Mono<Rendering> mapping(Console.Screen screen, String inspectionId, MultiValueMap<String, String> form,
                                    List<String> problems) {
        return calls.get(calls.imports(), uri -> uri.path("/api/v1/sites/{siteId}/imports/inspections/{id}")
                        .build(screen.siteId(), inspectionId), ConsoleCalls.JSON)
                .map(inspection -> screen.show("console/import-mapping", Map.of("inspection", inspection,
                        "chosen", form == null ? ImportMapping.suggested(inspection) : ImportMapping.chosen(inspection, form),
                        "tags", form == null ? "" : Forms.field(form, "tags"),
                        "groups", form == null ? "" : Forms.field(form, "groups"),
                        "problems", problems)));
    }

    @PostMapping("/admin/sites/{siteId}/imports/inspections/{inspectionId}")
    Mono<Rendering> importIt(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                             @PathVariable String inspectionId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> exchange.getFormData().flatMap(form -> calls.get(
                        calls.imports(), uri -> uri.path("/api/v1/sites/{siteId}/imports/inspections/{id}")
                                .build(siteId, inspectionId), ConsoleCalls.JSON)
                .flatMap(inspection -> {
                    Map<String, Object> options = new LinkedHashMap<>();
                    options.put("mapping", ImportMapping.mapping(inspection, form));
                    options.put("tags", Forms.commaSeparated(form, "tags"));
                    options.put("groups", Forms.commaSeparated(form, "groups"));
                    return calls.send(HttpMethod.POST, calls.imports(),
                            "/api/v1/sites/" + siteId + "/imports/inspections/" + inspectionId + "/import", options);
                })
                .map(job -> screen.redirect(screen.base() + "/imports/" + job.get("id")))
                .onErrorResume(ConsoleProblem.class, problem -> problem.status() == HttpStatus.BAD_REQUEST
                        ? mapping(screen, inspectionId, form, problem.listed()) : Mono.error(problem))));
    }

    @GetMapping("/admin/sites/{siteId}/imports/{importId}")
    Mono<Rendering> progress(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                             @PathVariable String importId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.get(calls.imports(),
                        uri -> uri.path("/api/v1/sites/{siteId}/imports/{importId}").build(siteId, importId), ConsoleCalls.JSON)
                .map(job -> screen.show("console/import", Map.of("job", job,
                        "running", !Set.of("FINISHED", "FAILED").contains(String.valueOf(job.get("status")))))));
    }

    /** The import's progress as import-service sends it, for the page to follow while the import runs. */
    @GetMapping(path = "/admin/sites/{siteId}/imports/{importId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> events(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                                         @PathVariable String importId, ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMapMany(screen -> calls.events(calls.imports(),
                "/api/v1/sites/" + siteId + "/imports/" + importId + "/events"));
    }

    @GetMapping("/admin/sites/{siteId}/imports/{importId}/failures.{format}")
    Mono<ResponseEntity<Flux<DataBuffer>>> failures(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                                                    @PathVariable String importId, @PathVariable String format,
                                                    ServerWebExchange exchange) {
        if (!REPORT_FORMATS.contains(format)) {
            return Mono.error(ConsoleProblem.notFound());
        }
        return console.open(user, siteId, exchange).flatMap(screen -> calls.download(calls.imports(),
                "/api/v1/sites/" + siteId + "/imports/" + importId + "/failures." + format));
    }

    /** "Show XLSX file example": the template with every importable column and an example row. */
    @GetMapping("/admin/sites/{siteId}/imports/example.xlsx")
    Mono<ResponseEntity<Flux<DataBuffer>>> example(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                                                   ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.download(calls.imports(),
                "/api/v1/sites/" + siteId + "/imports/template.xlsx"));
    }

    @GetMapping("/admin/sites/{siteId}/customers/export.csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> exportAll(@AuthenticationPrincipal OidcUser user, @PathVariable String siteId,
                                                     ServerWebExchange exchange) {
        return console.open(user, siteId, exchange).flatMap(screen -> calls.download(HttpMethod.POST, calls.customers(),
                "/api/v1/sites/" + siteId + "/customers/export", Map.of("format", "csv")));
    }
}
