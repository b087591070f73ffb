package io.clientele.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP calls of the benchmarks and journeys to a running stack: a call that does not succeed stops them. */
final class StackHttp {

    /** The services speak HTTP/1.1; the default client would ask every request to upgrade to h2c. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private StackHttp() {
    }

    /** Sends the request and answers the body; fails unless the status is a 2xx. */
    static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Sends the request and answers its status alone. */
    static int status(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static HttpRequest.Builder request(String url, String adminToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        return adminToken == null ? request : request.header("Authorization", "Bearer " + adminToken);
    }

    static HttpRequest.Builder json(String url, String adminToken, String method, String body) {
        return request(url, adminToken).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    /** A multipart upload of the file as the part {@code file}. */
    static HttpRequest.Builder upload(String url, String adminToken, java.nio.file.Path file) throws java.io.IOException {
        String boundary = "clientele-" + java.util.UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return request(url, adminToken).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString(tail)));
    }
}
