package io.clientele.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures customer-service's bulk jobs on a running local stack: seeds a site with N customers, then changes every
 * one of them with one bulk change (two fields, a tag, a group) and deletes every one with one bulk deletion,
 * printing each job's time from the request to FINISHED, customers per second, how much later access-service had
 * followed the job's events, and customer-service's peak heap. A smaller round on a site of its own warms the
 * services up first.
 */
final class BulkBenchmark {

    private static final int WARM_UP = 10_000;
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    private static final Pattern LOCATION = Pattern.compile("\"id\":\"([0-9a-f-]+)\"");
    private static final Pattern COUNTS = Pattern.compile("\"processed\":[0-9]+,\"changed\":[0-9]+,\"failed\":[0-9]+");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private BulkBenchmark() {
    }

    static void run(LocalStackPorts ports, int customers) throws Exception {
        System.out.printf("Warm-up with %,d customers (the services' hot code compiled first, as in a running platform):%n", WARM_UP);
        round(ports, WARM_UP);
        System.out.printf("Measured with %,d customers:%n", customers);
        try (HeapPeaks heap = new HeapPeaks(Map.of("customer-service", ports.customer()))) {
            round(ports, customers);
            System.out.printf("customer-service peak heap used meanwhile: %s%n", heap.describe());
        }
    }

    private static void round(LocalStackPorts ports, int customers) throws Exception {
        String site = "bench-bulk-" + System.currentTimeMillis();
        String token = LocalStack.token(site);
        String base = "http://localhost:" + ports.customer() + "/api/v1/sites/" + site;
        StackHttp.send(StackHttp.json(base, token, "PUT", """
                {"name": "Benchmark", "ownerEmail": "owner@bench.test", "locale": "en"}"""));
        CustomerSeed.load(ports, site, customers);

        long start = System.nanoTime();
        String job = StackHttp.send(StackHttp.json(base + "/customers/bulk-changes", token, "POST", """
                {"query": {}, "set": {"organization": "Bulk Org", "locality": "Bulkville"},
                 "addTags": ["bulk"], "addGroups": ["bulk-changed"]}"""));
        String finished = awaitFinished(base, token, job);
        report("Bulk change of every customer", customers, start, finished);
        awaitFollowed(ports, "the change", "SELECT count(*) FROM customers WHERE site_id = ? AND 'bulk-changed' = ANY(groups)",
                site, customers);

        start = System.nanoTime();
        String preview = StackHttp.send(StackHttp.json(base + "/customers/bulk-deletions/preview", token, "POST",
                "{\"query\": {}}"));
        Matcher confirmation = TOKEN.matcher(preview);
        if (!confirmation.find()) {
            throw new IllegalStateException("no token in the preview: " + preview);
        }
        job = StackHttp.send(StackHttp.json(base + "/customers/bulk-deletions", token, "POST",
                "{\"token\": \"" + confirmation.group(1) + "\", \"reason\": \"benchmark of bulk deletion\"}"));
        finished = awaitFinished(base, token, job);
        report("Bulk deletion of every customer (preview and confirmation included)", customers, start, finished);
        // Each deletion leaves a revocation of the customer's sessions.
        awaitFollowed(ports, "the deletion", "SELECT count(*) FROM session_revocations WHERE site_id = ?", site, customers);
    }

    /**
     * Waits for access-service to have followed a job's events ({@code counting} finds all the customers), so that
     * the next job does not share the machine with this one's backlog.
     */
    private static void awaitFollowed(LocalStackPorts ports, String job, String counting, String site, int customers)
            throws Exception {
        long start = System.nanoTime();
        try (Connection db = ports.database("access"); PreparedStatement followed = db.prepareStatement(counting)) {
            followed.setString(1, site);
            while (true) {
                try (ResultSet count = followed.executeQuery()) {
                    count.next();
                    if (count.getLong(1) >= customers) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
        }
        System.out.printf("  access-service had followed %s %.1f s later%n", job, (System.nanoTime() - start) / 1e9);
    }

    private static String awaitFinished(String base, String token, String accepted) throws Exception {
        Matcher id = LOCATION.matcher(accepted);
        if (!id.find()) {
            throw new IllegalStateException("no job in the answer: " + accepted);
        }
        while (true) {
            String job = StackHttp.send(StackHttp.request(base + "/bulk-jobs/" + id.group(1), token));
            Matcher status = STATUS.matcher(job);
            if (status.find() && status.group(1).equals("FINISHED")) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    private static void report(String what, int customers, long start, String job) {
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher counts = COUNTS.matcher(job);
        System.out.printf("%s: %,d customers in %.1f s = %,.0f customers/s (%s)%n", what, customers, seconds,
                customers / seconds, counts.find() ? counts.group() : job);
    }
}
