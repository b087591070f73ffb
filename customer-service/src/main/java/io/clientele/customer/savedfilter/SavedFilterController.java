package io.clientele.customer.savedfilter;

import io.clientele.customer.search.CustomerQuery;
import io.clientele.customer.search.CustomerSearch;
import io.clientele.customer.search.SearchResult;
import io.clientele.platform.web.PageLimits;
import io.clientele.platform.web.ProblemException;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Saved filters: create, list, rename or change, copy, delete, and run. A query is checked before it is saved. */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/saved-filters")
class SavedFilterController {

    private final SavedFilters filters;
    private final CustomerSearch search;

    SavedFilterController(SavedFilters filters, CustomerSearch search) {
        this.filters = filters;
        this.search = search;
    }

    @GetMapping
    Flux<SavedFilter> list(@PathVariable String siteId) {
        return filters.all(siteId);
    }

    @GetMapping("/{id}")
    Mono<SavedFilter> get(@PathVariable String siteId, @PathVariable UUID id) {
        return existing(siteId, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SavedFilter> create(@PathVariable String siteId, @RequestBody Change change) {
        return Mono.defer(() -> {
            if (change.query() == null) {
                throw ProblemException.invalidField("query", "is required");
            }
            search.check(change.query());
            return unique(filters.insert(siteId, name(change.name()), change.query()), change.name());
        });
    }

    /** Renames the filter, changes its query, or both. */
    @PatchMapping("/{id}")
    Mono<SavedFilter> change(@PathVariable String siteId, @PathVariable UUID id, @RequestBody Change change) {
        return existing(siteId, id).flatMap(saved -> {
            CustomerQuery query = change.query() == null ? saved.query() : change.query();
            search.check(query);
            String name = change.name() == null ? saved.name() : name(change.name());
            return unique(filters.update(siteId, id, name, query), name);
        });
    }

    @PostMapping("/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SavedFilter> copy(@PathVariable String siteId, @PathVariable UUID id, @RequestBody Change change) {
        return existing(siteId, id).flatMap(saved -> unique(filters.insert(siteId, name(change.name()), saved.query()), change.name()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String siteId, @PathVariable UUID id) {
        return filters.delete(siteId, id).flatMap(deleted -> deleted ? Mono.<Void>empty()
                : Mono.error(ProblemException.notFound("saved-filter", id.toString())));
    }

    @GetMapping("/{id}/customers")
    Mono<SearchResult> run(@PathVariable String siteId, @PathVariable UUID id, @RequestParam(defaultValue = "50") int limit,
                           @RequestParam(required = false) String after) {
        int checked = PageLimits.checked(limit);
        return existing(siteId, id).flatMap(saved -> search.page(siteId, saved.query(), checked, after));
    }

    private Mono<SavedFilter> existing(String siteId, UUID id) {
        return filters.find(siteId, id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("saved-filter", id.toString())));
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw ProblemException.invalidField("name", "has 1 to 200 characters");
        }
        return trimmed;
    }

    private static Mono<SavedFilter> unique(Mono<SavedFilter> write, String name) {
        return write.onErrorMap(DuplicateKeyException.class, e -> new ProblemException(HttpStatus.CONFLICT,
                "saved-filter-exists", "Saved filter exists", "The site has a saved filter named " + name + " already."));
    }

    record Change(String name, CustomerQuery query) {
    }
}
