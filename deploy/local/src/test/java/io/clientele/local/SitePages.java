package io.clientele.local;

import com.sun.net.httpserver.HttpServer;
import io.clientele.platform.embedded.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A site's own pages, on an origin of their own (another port of this machine), calling the platform's edge as a
 * customer's website does: {@code /<site>/ask.html} (a sign-up with fetch), {@code /<site>/newsletter.html} (a plain
 * form) and {@code /<site>/members.html} (the gate of a protected page). The pages are the README's snippets.
 */
final class SitePages implements AutoCloseable {

    private final HttpServer server;
    private final int port;

    private SitePages(HttpServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static SitePages start(String edgeUrl, String pageId) throws IOException {
        int port = FreePorts.next();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            byte[] body = path.length == 3 ? page(path[2], Map.of("edge", edgeUrl, "site", path[1], "page", pageId,
                    "lang", query(exchange.getRequestURI().getRawQuery()).getOrDefault("lang", "en"))) : null;
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        return new SitePages(server, port);
    }

    /** The origin the pages are served from, as a site's allowedOrigins names it. */
    String origin() {
        return "http://localhost:" + port;
    }

    String url(String site, String page) {
        return origin() + "/" + site + "/" + page;
    }

    private static byte[] page(String name, Map<String, String> values) throws IOException {
        try (InputStream in = SitePages.class.getResourceAsStream("/site-pages/" + name)) {
            if (in == null) {
                return null;
            }
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                html = html.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return html.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(parts[0], parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
