package io.clientele.customer.export;

import io.clientele.customer.customer.CustomerFields.Field;
import io.clientele.customer.search.CustomerQuery;
import io.clientele.customer.search.CustomerSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;

/**
 * Streams an export with constant memory: the file writer runs on its own (virtual) thread and blocks while the
 * client is slower than the database, which in turn is read a batch at a time as the writer asks for rows.
 */
@Component
class CustomerExporter {

    private static final int ROWS_AHEAD = 1_000;
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final ExecutorService WRITERS = Executors.newVirtualThreadPerTaskExecutor();

    private final CustomerSearch search;

    CustomerExporter(CustomerSearch search) {
        this.search = search;
    }

    Publisher<DataBuffer> export(String siteId, CustomerQuery query, List<Field> columns, ExportFormat format,
                                 DataBufferFactory buffers) {
        return DataBufferUtils.outputStreamPublisher(out -> {
            try {
                ExportFormat.Rows rows = format.rows(out, columns);
                rows.header();
                for (Map<String, Object> customer : search.stream(siteId, query, columns).toIterable(ROWS_AHEAD)) {
                    rows.row(customer);
                }
                rows.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, buffers, WRITERS, CHUNK_BYTES);
    }
}
