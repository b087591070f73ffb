package io.clientele.customer.export;

import io.clientele.customer.customer.CustomerFields.Field;
import io.clientele.customer.search.CustomerQuery;
import io.clientele.customer.search.CustomerSearch;
import io.clientele.platform.spreadsheet.SpreadsheetDownload;
import io.clientele.platform.spreadsheet.SpreadsheetFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Streams a query's customers as a spreadsheet, read from the database a batch at a time as the writer asks. */
@Component
class CustomerExporter {

    private static final int ROWS_AHEAD = 1_000;

    private final CustomerSearch search;

    CustomerExporter(CustomerSearch search) {
        this.search = search;
    }

    Mono<Void> export(String siteId, CustomerQuery query, List<Field> columns, SpreadsheetFormat format,
                      ServerHttpResponse response) {
        return SpreadsheetDownload.send(response, format, "customers-" + siteId, "Customers", writer -> {
            writer.row(columns.stream().map(Field::name).toList());
            for (Map<String, Object> customer : search.stream(siteId, query, columns).toIterable(ROWS_AHEAD)) {
                writer.row(columns.stream().map(column -> CellText.of(customer.get(column.name()))).toList());
            }
        });
    }
}
