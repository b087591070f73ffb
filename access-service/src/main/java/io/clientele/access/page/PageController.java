package io.clientele.access.page;

import io.clientele.platform.group.GroupNames;
import io.clientele.platform.web.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/sites/{siteId}/pages")
class PageController {

    static final int MAX_PAGE_ID = 200;

    private final ProtectedPages pages;

    PageController(ProtectedPages pages) {
        this.pages = pages;
    }

    /** Protects the page: only logged-in customers of at least one of the groups may see it. */
    @PutMapping("/{pageId}")
    Mono<ProtectedPage> protect(@PathVariable String siteId, @PathVariable String pageId, @RequestBody AllowedGroups body) {
        return Mono.fromCallable(() -> {
                    if (pageId.length() > MAX_PAGE_ID) {
                        throw ProblemException.invalidField("pageId", "has at most " + MAX_PAGE_ID + " characters");
                    }
                    List<String> groups = List.copyOf(GroupNames.checked("groups", body.groups()));
                    if (groups.isEmpty()) {
                        throw ProblemException.invalidField("groups",
                                "name at least one group; to make the page public, DELETE its protection");
                    }
                    return groups;
                })
                .flatMap(groups -> pages.save(siteId, pageId, groups).thenReturn(new ProtectedPage(pageId, groups)));
    }

    @GetMapping
    Flux<ProtectedPage> list(@PathVariable String siteId) {
        return pages.list(siteId);
    }

    @GetMapping("/{pageId}")
    Mono<ProtectedPage> get(@PathVariable String siteId, @PathVariable String pageId) {
        List<String> groups = pages.allowedGroups(siteId, pageId);
        return groups == null ? Mono.error(ProblemException.notFound("protected-page", pageId))
                : Mono.just(new ProtectedPage(pageId, groups));
    }

    /** Makes the page public again. */
    @DeleteMapping("/{pageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unprotect(@PathVariable String siteId, @PathVariable String pageId) {
        return pages.save(siteId, pageId, null);
    }

    record AllowedGroups(List<String> groups) {
    }
}
