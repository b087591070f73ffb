package io.clientele.customer.export;

import io.clientele.customer.customer.CustomerFields.Field;
import io.clientele.customer.savedfilter.SavedFilters;
import io.clientele.customer.search.CustomerQuery;
import io.clientele.customer.search.CustomerSearch;
import io.clientele.platform.spreadsheet.SpreadsheetFormat;
import io.clientele.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Exports a query's customers, or a saved filter's, as CSV or XLSX with the chosen columns. */
@RestController
class ExportController {

    private final CustomerExporter exporter;
    private final CustomerSearch search;
    private final SavedFilters savedFilters;

    ExportController(CustomerExporter exporter, CustomerSearch search, SavedFilters savedFilters) {
        this.exporter = exporter;
        this.search = search;
        this.savedFilters = savedFilters;
    }

    /** {@code {"query": {...}, "columns": ["email", "firstName"], "format": "csv"}}; every customer without a query. */
    @PostMapping("/api/v1/sites/{siteId}/customers/export")
    Mono<Void> export(@PathVariable String siteId, @RequestBody ExportRequest request, ServerWebExchange exchange) {
        return Mono.defer(() -> write(siteId, request.query() == null ? CustomerQuery.matching(null) : request.query(),
                request.columns(), request.format(), exchange));
    }

    @GetMapping("/api/v1/sites/{siteId}/saved-filters/{id}/export")
    Mono<Void> exportSaved(@PathVariable String siteId, @PathVariable UUID id,
                           @RequestParam(required = false) List<String> columns,
                           @RequestParam(required = false) String format, ServerWebExchange exchange) {
        return savedFilters.find(siteId, id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("saved-filter", id.toString())))
                .flatMap(saved -> write(siteId, saved.query(), columns, format, exchange));
    }

    private Mono<Void> write(String siteId, CustomerQuery query, List<String> columnNames, String formatName,
                             ServerWebExchange exchange) {
        SpreadsheetFormat format = SpreadsheetFormat.named("format", formatName);
        List<Field> columns = CustomerSearch.fields(columnNames, "columns");
        search.check(query);
        Mono<Void> fits = format != SpreadsheetFormat.XLSX ? Mono.empty() : search.count(siteId, query)
                .filter(count -> count > SpreadsheetFormat.XLSX_MAX_ROWS)
                .flatMap(count -> Mono.error(ProblemException.invalidField("format", count + " customers are more than an "
                        + "XLSX sheet holds (" + SpreadsheetFormat.XLSX_MAX_ROWS + "); export them as CSV")));
        return fits.then(Mono.defer(() -> exporter.export(siteId, query, columns, format, exchange.getResponse())));
    }

    /** @param columns the fields to write, in this order; all when absent */
    record ExportRequest(CustomerQuery query, List<String> columns, String format) {
    }
}
