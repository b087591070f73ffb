package io.clientele.local;


import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Measures access-service on a running local stack, for a member made through the whole journey (sign-up,
 * approval, invitation e-mail, password): log-ins per second (each checks an Argon2id hash) and access checks per
 * second on a protected page with the member's session token (decided from memory, no database round trip). Prints
 * the rates and the p50 and p99 latencies; a check that does not allow the member fails the run.
 */
final class AccessBenchmark {

    private static final String PAGE = "members-area";
    private static final String GROUP = "members";
    private static final String PASSWORD = "a long and quiet benchmark passphrase";

    private AccessBenchmark() {
    }

    static void run(LocalStackPorts ports, int logins, int checks, int concurrency) throws Exception {
        String site = "bench-access-" + System.currentTimeMillis();
        String email = "member@" + site + ".test";
        MemberJourney journey = new MemberJourney(ports, site);
        journey.createSite();
        journey.protect(PAGE, GROUP);
        journey.approve(journey.requestAccess(email, PAGE), GROUP);
        journey.setPassword(journey.invitationToken(email), PASSWORD);
        System.out.printf("Member %s of site %s can log in.%n", email, site);

        String loginBody = "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}";
        URI login = URI.create("http://localhost:" + ports.access() + "/api/v1/sites/" + site + "/sessions");
        measure("Warm-up log-ins", Math.min(20, logins), concurrency,
                () -> HttpRequest.newBuilder(login).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(loginBody)), "\"token\"");
        measure("Log-ins", logins, concurrency,
                () -> HttpRequest.newBuilder(login).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(loginBody)), "\"token\"");

        String session = journey.logIn(email, PASSWORD);
        URI check = URI.create("http://localhost:" + ports.access() + "/api/v1/sites/" + site + "/pages/" + PAGE + "/access");
        int checkConcurrency = concurrency * 8;
        HttpClient checker = HttpClient.create(ConnectionProvider.create("checks", checkConcurrency))
                .headers(headers -> headers.set("Authorization", "Bearer " + session));
        measureChecks("Warm-up access checks", checker, check.toString(), Math.min(10_000, checks), checkConcurrency);
        measureChecks("Access checks", checker, check.toString(), checks, checkConcurrency);
    }

    /** The checks go through Reactor Netty's client: it leaves the two cores to the service more than the JDK's. */
    private static void measureChecks(String what, HttpClient checker, String url, int count, int concurrency) {
        long[] latencies = new long[count];
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger index = new AtomicInteger();
        long start = System.nanoTime();
        Flux.range(0, count)
                .flatMap(i -> Mono.defer(() -> {
                    long sent = System.nanoTime();
                    return checker.get().uri(url).responseSingle((response, body) -> body.asString()
                            .defaultIfEmpty("")
                            .doOnNext(text -> {
                                latencies[index.getAndIncrement()] = System.nanoTime() - sent;
                                if (response.status().code() != 200 || !text.contains("\"allowed\":true")) {
                                    wrong.incrementAndGet();
                                }
                            }));
                }), concurrency)
                .blockLast(Duration.ofMinutes(10));
        report(what, count, concurrency, System.nanoTime() - start, Arrays.stream(latencies).boxed().sorted().toList(), wrong.get(),
                "\"allowed\":true");
    }

    interface Request {
        HttpRequest.Builder build();
    }

    private static void measure(String what, int count, int concurrency, Request request, String expected) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger wrong = new AtomicInteger();
        Semaphore inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                pool.submit(() -> {
                    try {
                        long sent = System.nanoTime();
                        HttpResponse<String> response = StackHttp.HTTP.send(request.build().timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - sent);
                        if (response.statusCode() != 200 || !response.body().contains(expected)) {
                            wrong.incrementAndGet();
                        }
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        report(what, count, concurrency, System.nanoTime() - start, sorted, wrong.get(), expected);
    }

    private static void report(String what, int count, int concurrency, long nanos, List<Long> sorted, int wrong, String expected) {
        double seconds = nanos / 1e9;
        System.out.printf("%s: %d in %.2f s = %.0f/s at %d concurrent; latency p50 %.1f ms, p99 %.1f ms%n", what, count,
                seconds, count / seconds, concurrency, Percentiles.of(sorted, 50) / 1e6, Percentiles.of(sorted, 99) / 1e6);
        if (wrong > 0) {
            throw new IllegalStateException(wrong + " of " + count + " answers were not " + expected);
        }
    }
}
