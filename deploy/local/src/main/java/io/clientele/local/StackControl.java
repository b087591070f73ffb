package io.clientele.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The control endpoint of a running {@code ./clientele up}, on the loopback interface only: {@code POST
 * /services/NAME/kill-and-restart} crashes a service (SIGKILL) and starts it again, answering once it is ready.
 * {@code ./clientele chaos}, a process of its own, does this to the stack's services through it.
 */
final class StackControl implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpServer server;
    private final Path portFile;

    private StackControl(HttpServer server, Path portFile) {
        this.server = server;
        this.portFile = portFile;
    }

    /** Serves the stack's controls on a free loopback port, written to {@code portFile}. */
    static StackControl start(LocalStack stack, Leftovers leftovers, Path portFile) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/services/", exchange -> {
                String[] path = exchange.getRequestURI().getPath().split("/");
                if (!"POST".equals(exchange.getRequestMethod()) || path.length != 4 || !"kill-and-restart".equals(path[3])) {
                    answer(exchange, 404, "POST /services/NAME/kill-and-restart");
                    return;
                }
                try {
                    stack.killAndRestart(path[2]);
                    leftovers.record(stack.processes());
                    answer(exchange, 200, path[2] + " restarted");
                } catch (RuntimeException e) {
                    answer(exchange, 500, String.valueOf(e.getMessage()));
                }
            });
            server.start();
            Files.writeString(portFile, Integer.toString(server.getAddress().getPort()));
            return new StackControl(server, portFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serve the stack's controls", e);
        }
    }

    /** Asks the running stack whose controls {@code portFile} names to crash and restart a service. */
    static void killAndRestart(Path portFile, String service) throws IOException, InterruptedException {
        if (!Files.exists(portFile)) {
            throw new IllegalStateException("No running ./clientele up found (no " + portFile + ")");
        }
        String port = Files.readString(portFile).strip();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/services/" + service + "/kill-and-restart"))
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Restarting " + service + " failed: " + answer.body());
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            Files.deleteIfExists(portFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
