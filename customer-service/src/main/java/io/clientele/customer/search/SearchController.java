package io.clientele.customer.search;

import io.clientele.customer.customer.CustomerFields;
import io.clientele.platform.web.PageLimits;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Finding customers: a quick search by words, a query with filters, and the marketable audience. */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/customers")
class SearchController {

    private final CustomerSearch search;

    SearchController(CustomerSearch search) {
        this.search = search;
    }

    /** {@code ?q=helene&field=name&fields=email,firstName&limit=50&after=...}: every customer when q is absent. */
    @GetMapping
    Mono<SearchResult> search(@PathVariable String siteId, @RequestParam(required = false) String q,
                              @RequestParam(required = false) String field, @RequestParam(required = false) List<String> fields,
                              @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String after) {
        return Mono.defer(() -> search.page(siteId, new CustomerQuery(q, field, null, null, fields), PageLimits.checked(limit), after));
    }

    @PostMapping("/search")
    Mono<SearchResult> query(@PathVariable String siteId, @RequestBody CustomerQuery query,
                             @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String after) {
        return Mono.defer(() -> search.page(siteId, query, PageLimits.checked(limit), after));
    }

    /** How many customers the query finds, all counted (a broad query over many customers takes longer). */
    @PostMapping("/count")
    Mono<java.util.Map<String, Long>> count(@PathVariable String siteId, @RequestBody CustomerQuery query) {
        return Mono.defer(() -> search.count(siteId, query)).map(total -> java.util.Map.of("total", total));
    }

    /**
     * The fields a filter can name, each with its kind and the operators that apply to it, so that a filter can be
     * built without knowing them beforehand; {@code metadata.<key>} and {@code externalIds.<system>} are texts too.
     */
    @GetMapping("/fields")
    List<FilterableField> fields() {
        return CustomerFields.all().stream()
                .map(field -> new FilterableField(field.name(), field.kind().name(),
                        new java.util.TreeSet<>(QueryCompiler.operators(field.kind())).stream().toList()))
                .toList();
    }

    record FilterableField(String name, String kind, List<String> operators) {
    }

    /** The customers who opted in to marketing e-mail: the audience a campaign may be sent to. */
    @GetMapping("/marketable")
    Mono<SearchResult> marketable(@PathVariable String siteId, @RequestParam(required = false) List<String> fields,
                                  @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String after) {
        CustomerFilter optedIn = CustomerFilter.allOf(new CustomerFilter.Condition("marketingOptIn", "eq", true));
        return Mono.defer(() -> search.page(siteId, new CustomerQuery(null, null, optedIn, null, fields), PageLimits.checked(limit), after));
    }
}
