package io.clientele.local;

import static io.clientele.local.StackHttp.send;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fires N access-request sign-ups at a running local stack (on a site of its own) and prints, from the moment
 * each sign-up was posted to the moment notification-service handed the owner's e-mail to the SMTP server, the
 * p50 and p99 latency, and the throughput sustained from the first post to the last delivery.
 */
final class SignupLatencyBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VISITOR = Pattern.compile("<(bench-\\d+@visitors\\.test)>");

    private SignupLatencyBenchmark() {
    }

    static void run(LocalStackPorts ports, int signups, int concurrency) throws Exception {
        String customer = "http://localhost:" + ports.customer();
        String notification = "http://localhost:" + ports.notification();
        String site = "bench-" + System.currentTimeMillis();
        String token = LocalStack.token(site);
        send(HttpRequest.newBuilder(URI.create(customer + "/api/v1/sites/" + site))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Benchmark", "ownerEmail": "owner@%s.test", "locale": "en",
                         "ownerMailDigest": false}""".formatted(site))));
        Thread.sleep(1000); // the site's settings reach notification-service before the first request

        System.out.printf("Posting %d access-request sign-ups to site %s, %d at a time ...%n", signups, site, concurrency);
        Map<String, Instant> posted = new ConcurrentHashMap<>();
        Instant start = Instant.now();
        Semaphore inFlight = new Semaphore(concurrency);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < signups; i++) {
                String email = "bench-" + i + "@visitors.test";
                // Each visitor from an address of its own, as the gateway in front of the stack would say.
                String visitorAddress = "198.18." + (i / 250) % 256 + "." + (i % 250 + 1);
                inFlight.acquire();
                pool.submit(() -> {
                    try {
                        posted.put(email, Instant.now());
                        send(HttpRequest.newBuilder(URI.create(customer + "/api/v1/sites/" + site + "/signups"))
                                .header("Content-Type", "application/json").header("X-Forwarded-For", visitorAddress)
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"email": "%s", "firstName": "Bench", "lastName": "Visitor",
                                         "channel": "ACCESS_REQUEST", "pageId": "members"}""".formatted(email))));
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        Instant allPosted = Instant.now();

        Map<String, Instant> delivered = awaitDeliveries(notification, site, token, signups, Duration.ofMinutes(5));
        List<Long> latencies = new ArrayList<>();
        Instant lastDelivery = start;
        for (Map.Entry<String, Instant> delivery : delivered.entrySet()) {
            latencies.add(Duration.between(posted.get(delivery.getKey()), delivery.getValue()).toMillis());
            lastDelivery = delivery.getValue().isAfter(lastDelivery) ? delivery.getValue() : lastDelivery;
        }
        Collections.sort(latencies);
        double seconds = Duration.between(start, lastDelivery).toMillis() / 1000.0;
        System.out.printf("Sign-ups posted: %d in %.2f s (%.0f/s)%n", signups,
                Duration.between(start, allPosted).toMillis() / 1000.0,
                signups / (Duration.between(start, allPosted).toMillis() / 1000.0));
        System.out.printf("Owner e-mails delivered: %d of %d%n", delivered.size(), signups);
        if (!latencies.isEmpty()) {
            System.out.printf("Sign-up -> e-mail delivered latency: p50 %d ms, p99 %d ms, max %d ms%n",
                    Percentiles.of(latencies, 50), Percentiles.of(latencies, 99), latencies.getLast());
            System.out.printf("Throughput sustained (first post to last delivery): %.1f sign-ups/s over %.2f s%n",
                    delivered.size() / seconds, seconds);
        }
        if (delivered.size() < signups) {
            System.exit(1);
        }
    }

    /** Visitor e-mail to the time its owner e-mail was sent, from the site's delivery log. */
    private static Map<String, Instant> awaitDeliveries(String notification, String site, String token, int expected,
                                                         Duration timeout) throws Exception {
        Map<String, Instant> delivered = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (delivered.size() < expected && System.nanoTime() < deadline) {
            delivered.clear();
            for (int offset = 0; ; offset += 200) {
                JsonNode page = JSON.readTree(send(HttpRequest.newBuilder(URI.create(notification + "/api/v1/sites/" + site
                                + "/notifications?status=SENT&limit=200&offset=" + offset))
                        .header("Authorization", "Bearer " + token).GET()));
                for (JsonNode item : page.get("items")) {
                    Matcher visitor = VISITOR.matcher(item.get("subject").asString());
                    if (visitor.find()) {
                        delivered.put(visitor.group(1), Instant.parse(item.get("sentAt").asString()));
                    }
                }
                if (page.get("items").size() < 200) {
                    break;
                }
            }
            if (delivered.size() < expected) {
                Thread.sleep(500);
            }
        }
        return delivered;
    }

}
