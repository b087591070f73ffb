package io.clientele.platform.spreadsheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Sends a spreadsheet as a download with constant memory: the writer runs on its own (virtual) thread and blocks
 * while the client is slower than the rows come, and the rows are pulled as the writer asks for them.
 */
public final class SpreadsheetDownload {

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final ExecutorService WRITERS = Executors.newVirtualThreadPerTaskExecutor();

    /** Writes the rows of a spreadsheet; may block. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(SpreadsheetWriter writer) throws IOException;
    }

    private SpreadsheetDownload() {
    }

    /** @param fileName the download's name without its extension */
    public static Mono<Void> send(ServerHttpResponse response, SpreadsheetFormat format, String fileName, String sheetName,
                                  Rows rows) {
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(format.mediaType);
        headers.setContentDisposition(ContentDisposition.attachment().filename(fileName + "." + format.extension).build());
        return response.writeWith(DataBufferUtils.outputStreamPublisher(out -> {
            try {
                SpreadsheetWriter writer = format.writer(out, sheetName);
                rows.writeTo(writer);
                writer.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, response.bufferFactory(), WRITERS, CHUNK_BYTES));
    }
}
