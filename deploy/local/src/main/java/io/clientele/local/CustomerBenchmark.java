package io.clientele.local;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures customer-service on a running local stack with one site of many customers: seeds them straight into
 * its database (one INSERT ... SELECT per 100,000), then prints p50/p95 of representative searches and filters
 * (each page with its total), CSV export rows per second with the service's peak heap meanwhile, and creates
 * and updates per second through the API.
 */
final class CustomerBenchmark {

    private static final int RUNS = 40;
    private static final int WARM_UP = 10;

    private final LocalStackPorts ports;
    private final String site;
    private final String token;
    private final String base;

    private CustomerBenchmark(LocalStackPorts ports, String site) {
        this.ports = ports;
        this.site = site;
        this.token = LocalStack.token(site);
        this.base = "http://localhost:" + ports.customer() + "/api/v1/sites/" + site;
    }

    static void run(LocalStackPorts ports, int customers, int writes, int concurrency) throws Exception {
        CustomerBenchmark bench = new CustomerBenchmark(ports, "bench-customers-" + System.currentTimeMillis());
        StackHttp.send(StackHttp.json(bench.base, bench.token, "PUT", """
                {"name": "Benchmark", "ownerEmail": "owner@bench.test", "locale": "en"}"""));
        CustomerSeed.load(ports, bench.site, customers);
        bench.queries();
        bench.export();
        bench.writes(writes, concurrency);
    }

    private void queries() throws Exception {
        Map<String, HttpRequest.Builder> queries = new LinkedHashMap<>();
        queries.put("search all fields 'dupont'", get("/customers?q=dupont"));
        queries.put("search name 'helene' (accents)", get("/customers?q=helene&field=name"));
        queries.put("search e-mail prefix 'user4242'", get("/customers?q=user4242&field=email"));
        queries.put("search phone '0612 3456'", get("/customers?q=0612%203456&field=phone"));
        queries.put("search external id 'leg-77777'", get("/customers?q=leg-77777"));
        queries.put("filter country FR and tag vip", post("/customers/search", """
                {"filter": {"groups": [{"conditions": [{"field": "country", "op": "eq", "value": "FR"},
                  {"field": "tags", "op": "hasAny", "value": ["vip"]}]}]}}"""));
        queries.put("filter created in a month, opted in", post("/customers/search", """
                {"filter": {"groups": [{"conditions": [{"field": "createdAt", "op": "between", "value": ["2025-03-01", "2025-03-31"]},
                  {"field": "marketingOptIn", "op": "eq", "value": true}]}]}}"""));
        queries.put("filter group gold or country in DE, AT", post("/customers/search", """
                {"filter": {"match": "ANY", "groups": [
                  {"conditions": [{"field": "groups", "op": "hasAny", "value": ["gold"]}]},
                  {"conditions": [{"field": "country", "op": "in", "value": ["DE", "AT"]}]}]}}"""));
        queries.put("filter born in the 80s, sort by last name", post("/customers/search", """
                {"filter": {"groups": [{"conditions": [{"field": "birthDate", "op": "between", "value": ["1980-01-01", "1989-12-31"]},
                  {"field": "status", "op": "eq", "value": "ACTIVE"}]}]}, "sort": [{"field": "lastName"}]}"""));
        queries.put("every customer, newest first", get("/customers"));
        queries.put("count: group gold or country in DE, AT", post("/customers/count", """
                {"filter": {"match": "ANY", "groups": [
                  {"conditions": [{"field": "groups", "op": "hasAny", "value": ["gold"]}]},
                  {"conditions": [{"field": "country", "op": "in", "value": ["DE", "AT"]}]}]}}"""));
        queries.put("count: search all fields 'dupont'", post("/customers/count", "{\"q\": \"dupont\"}"));
        queries.put("count: every customer", post("/customers/count", "{}"));
        System.out.printf("%nSearches and filters (%d runs each after %d warm-up; a page's total is exact up to 1,000,%n  shown n+ beyond; the count endpoint counts them all):%n", RUNS, WARM_UP);
        System.out.printf("  %-44s %8s %8s %10s%n", "query", "p50 ms", "p95 ms", "total");
        for (Map.Entry<String, HttpRequest.Builder> query : queries.entrySet()) {
            List<Long> latencies = new ArrayList<>();
            String body = "";
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long sent = System.nanoTime();
                body = StackHttp.send(query.getValue());
                if (i >= WARM_UP) {
                    latencies.add(System.nanoTime() - sent);
                }
            }
            Collections.sort(latencies);
            Matcher total = Pattern.compile("\"total\":([0-9]+)").matcher(body);
            String shown = total.find() ? String.format("%,d", Long.parseLong(total.group(1))) : "?";
            System.out.printf("  %-44s %8.1f %8.1f %10s%n", query.getKey(), Percentiles.of(latencies, 50) / 1e6,
                    Percentiles.of(latencies, 95) / 1e6, body.contains("\"totalExact\":false") ? shown + "+" : shown);
        }
    }

    private void export() throws Exception {
        HeapPeaks heap = new HeapPeaks(Map.of("customer-service", ports.customer()));
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = StackHttp.HTTP.send(post("/customers/export", """
                {"columns": ["email", "firstName", "lastName", "phone", "country", "tags", "createdAt"], "format": "csv"}""")
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[256 * 1024];
        try (java.io.InputStream in = response.body()) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        heap.close();
        long rows = lines - 1;
        System.out.printf("%nCSV export of every customer (7 columns): %,d rows, %.0f MB in %.1f s = %,.0f rows/s; "
                        + "customer-service heap peak %.0f MB (-Xmx256m)%n", rows, bytes / 1e6, seconds, rows / seconds,
                heap.peak("customer-service") / 1e6);
    }

    private void writes(int count, int concurrency) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        String runId = Long.toString(System.currentTimeMillis(), 36);
        double createRate = timed("Creates", count, concurrency, i -> {
            String body = StackHttp.send(post("/customers", """
                    {"email": "new%d-%s@bench.test", "firstName": "New", "lastName": "Customer %d", "country": "FR",
                     "phone": "06 12 34 %02d %02d", "tags": ["api"]}""".formatted(i, runId, i, i % 100, i / 100 % 100)));
            Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]+)\"").matcher(body);
            id.find();
            ids.add(id.group(1));
        });
        double updateRate = timed("Updates", count, concurrency, i -> StackHttp.send(StackHttp.json(
                base + "/customers/" + ids.get(i), token, "PATCH", "{\"organization\": \"Org %d\", \"tags\": [\"api\", \"updated\"]}"
                        .formatted(i))));
        System.out.printf("%nThrough the API, %d at a time: %,.0f creates/s, %,.0f updates/s%n", concurrency, createRate, updateRate);
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    private static double timed(String what, int count, int concurrency, Call call) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            done.add(workers.submit(() -> {
                for (int i; (i = (int) next.getAndIncrement()) < count; ) {
                    call.run(i);
                }
                return null;
            }));
        }
        for (Future<?> worker : done) {
            worker.get();
        }
        workers.shutdown();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private HttpRequest.Builder get(String path) {
        return StackHttp.request(base + path, token).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return StackHttp.json(base + path, token, "POST", json);
    }
}
