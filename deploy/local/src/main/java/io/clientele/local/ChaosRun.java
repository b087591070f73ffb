package io.clientele.local;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./clientele chaos}: on a running local stack, an import, a stream of sign-ups and a bulk change run while
 * each service is killed (SIGKILL) and restarted at random moments, the seed printed so that a run can be repeated.
 * Then every effect is counted where it lands (the four databases, the dead-letter topics, the owner's mailbox):
 * each sign-up one customer, one access request, one owner mail; each import row applied once; the bulk job
 * finished once and every customer changed by it once.
 */
final class ChaosRun {

    private static final List<String> SERVICES = List.of("customer-service", "access-service", "import-service",
            "notification-service");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    private static final Duration SETTLE = Duration.ofMinutes(5);
    private static final int DOWN_AT_ONCE = 2;

    private final Path home;
    private final LocalStackPorts ports;
    private final long seed;
    private final Random random;
    private final String site;
    private final String token;
    private final String customers;
    private final Tally tally = new Tally();

    private ChaosRun(Path home, LocalStackPorts ports, long seed) {
        this.home = home;
        this.ports = ports;
        this.seed = seed;
        this.random = new Random(seed);
        // A site of its own each run: the seed repeats the kills, not the data.
        this.site = "chaos-" + Long.toString(Math.abs(seed), 36) + "-" + Long.toString(System.currentTimeMillis(), 36);
        this.token = LocalStack.token(site);
        this.customers = "http://localhost:" + ports.customer() + "/api/v1/sites/" + site;
    }

    /**
     * @param importRows    rows of the imported file
     * @param bulkCustomers how many of the imported customers the bulk change changes
     * @param perSecond     sign-ups posted a second while the services are killed
     */
    static void run(Path home, LocalStackPorts ports, long seed, int importRows, int bulkCustomers, int perSecond)
            throws Exception {
        new ChaosRun(home, ports, seed).run(importRows, bulkCustomers, perSecond);
    }

    private void run(int importRows, int bulkCustomers, int perSecond) throws Exception {
        System.out.printf("chaos: seed %d (./clientele chaos %d repeats the kills), site %s%n", seed, seed, site);
        StackHttp.send(StackHttp.json(customers, token, "PUT", """
                {"name": "Chaos", "ownerEmail": "owner@%s.test", "locale": "en", "ownerMailDigest": false}""".formatted(site)));
        Thread.sleep(1000);
        Path file = writeFile(importRows, bulkCustomers);
        String importId = field(ID, StackHttp.send(StackHttp.upload("http://localhost:" + ports.imports() + "/api/v1/sites/"
                + site + "/imports", token, file).timeout(Duration.ofMinutes(5))));
        System.out.printf("Import %s of %,d rows uploaded; sign-ups at %d/s and kills begin%n", importId, importRows, perSecond);

        AtomicBoolean workDone = new AtomicBoolean();
        AtomicBoolean killing = new AtomicBoolean(true);
        AtomicInteger kills = new AtomicInteger();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        String bulkJob;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> killer = pool.submit(() -> kill(workDone, killing, kills));
            Future<?> visitors = pool.submit(() -> signUp(perSecond, killing, accepted));
            awaitStatus("import", "http://localhost:" + ports.imports() + "/api/v1/sites/" + site + "/imports/" + importId,
                    "FINISHED");
            System.out.println("Import finished; the bulk change of " + bulkCustomers + " customers starts");
            bulkJob = startBulkChange();
            awaitStatus("bulk job", customers + "/bulk-jobs/" + bulkJob, "FINISHED");
            System.out.println("Bulk job finished; sign-ups and kills go on until every service was killed once");
            workDone.set(true);
            killer.get();
            visitors.get();
        }
        System.out.printf("Workload done with %d kills; %d sign-ups accepted; letting the pipeline settle ...%n",
                kills.get(), accepted.size());

        checkSignups(accepted);
        checkImport(importId, importRows);
        checkBulk(bulkJob, bulkCustomers);
        checkDeadLetters();
        System.out.printf("chaos: %d kills, %d events checked, %d lost, %d applied twice%n", kills.get(), tally.checked,
                tally.lost, tally.twice);
        if (tally.lost > 0 || tally.twice > 0) {
            System.exit(1);
        }
    }

    /**
     * Kills the services in a seeded random order, each at a random moment (3 to 12 s after the one before), at most
     * {@link #DOWN_AT_ONCE} down at a time (outages overlap, yet the platform gets on with the work), until the work is
     * done and every service was killed at least once; then waits for every restart.
     */
    private Void kill(AtomicBoolean workDone, AtomicBoolean killing, AtomicInteger kills) throws Exception {
        List<String> order = new ArrayList<>();
        List<Future<?>> restarts = new ArrayList<>();
        Semaphore down = new Semaphore(DOWN_AT_ONCE);
        Set<String> restarting = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!workDone.get() || kills.get() < SERVICES.size()) {
                if (order.isEmpty()) {
                    order.addAll(SERVICES);
                    java.util.Collections.shuffle(order, random);
                }
                Thread.sleep(3_000 + random.nextInt(9_000));
                down.acquire();
                // A service still coming back is not killed again: the next one in the order is.
                String service = order.stream().filter(name -> !restarting.contains(name)).findFirst()
                        .orElseGet(() -> SERVICES.stream().filter(name -> !restarting.contains(name)).findFirst().orElseThrow());
                order.remove(service);
                restarting.add(service);
                int kill = kills.incrementAndGet();
                restarts.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    try {
                        StackControl.killAndRestart(home.resolve("target/local-stack/control-port"), service);
                        System.out.printf("  kill %d: %s, back after %.1f s%n", kill, service,
                                (System.nanoTime() - start) / 1e9);
                    } catch (IOException | RuntimeException notBack) {
                        System.out.printf("  kill %d: %s, not back after %.1f s: %s%n", kill, service,
                                (System.nanoTime() - start) / 1e9, notBack.getMessage());
                    } finally {
                        restarting.remove(service);
                        down.release();
                    }
                    return null;
                }));
            }
            for (Future<?> restart : restarts) {
                restart.get();
            }
        } finally {
            killing.set(false);
        }
        return null;
    }

    /**
     * Posts sign-ups at the rate while the kills go on, each from an address of its own; one refused because
     * customer-service is down is sent again until it is accepted, as a visitor's page would.
     */
    private Void signUp(int perSecond, AtomicBoolean killing, Set<String> accepted) throws Exception {
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; killing.get(); i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                next += interval;
                String email = "visitor-" + i + "@" + site + ".test";
                String address = "198.19." + (i / 250) % 256 + "." + (i % 250 + 1);
                pool.submit(() -> {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(customers + "/signups"))
                            .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"email": "%s", "firstName": "Chaos", "lastName": "Visitor",
                                     "channel": "ACCESS_REQUEST", "pageId": "members"}""".formatted(email)));
                    if (untilAccepted(request)) {
                        accepted.add(email);
                    }
                    return null;
                });
            }
        }
        return null;
    }

    /** Sends until the answer is 2xx (a service down or restarting answers nothing, or 503), for two minutes at most. */
    private static boolean untilAccepted(HttpRequest.Builder request) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var answer = StackHttp.HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() / 100 == 2) {
                    return true;
                }
                if (answer.statusCode() / 100 == 4) {
                    return false;
                }
            } catch (IOException down) {
                // the service is being restarted
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * Starts the bulk change of the tagged customers. A request cut off by a kill may still have started the job, so
     * before asking again the site's jobs are looked at: the change must run once.
     */
    private String startBulkChange() throws Exception {
        String body = """
                {"query": {"filter": {"groups": [{"conditions": [{"field": "tags", "op": "hasAny", "value": ["bulk"]}]}]}},
                 "set": {"organization": "Chaos Org"}, "addTags": ["bulk-changed"]}""";
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String started = bulkJobOfSite();
            if (started != null) {
                return started;
            }
            try {
                return field(ID, StackHttp.send(StackHttp.json(customers + "/customers/bulk-changes", token, "POST", body)));
            } catch (IOException | IllegalStateException down) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("The bulk change could not be started");
    }

    private String bulkJobOfSite() throws SQLException {
        try (Connection db = ports.database("customer");
             PreparedStatement jobs = db.prepareStatement("SELECT id FROM bulk_jobs WHERE site_id = ?")) {
            jobs.setString(1, site);
            try (ResultSet found = jobs.executeQuery()) {
                return found.next() ? found.getString(1) : null;
            }
        }
    }

    private void awaitStatus(String what, String url, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (status.equals(field(STATUS, StackHttp.send(StackHttp.request(url, token).GET())))) {
                    return;
                }
            } catch (IOException | IllegalStateException down) {
                // the service is being restarted
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The " + what + " did not finish within 20 minutes");
    }

    private void checkSignups(Set<String> accepted) throws Exception {
        Map<String, Long> customersByEmail = awaitCounts("customer", """
                SELECT email, count(*) FROM customers WHERE site_id = ? AND email LIKE 'visitor-%' GROUP BY email""", accepted);
        Map<String, Long> requests = awaitCounts("access", """
                SELECT email, count(*) FROM access_requests WHERE site_id = ? GROUP BY email""", accepted);
        Map<String, Long> mails = awaitCounts("notification", """
                SELECT params->>'email', count(*) FROM outgoing_mail
                WHERE site_id = ? AND template = 'access-request-pending' AND status = 'SENT' GROUP BY params->>'email'""",
                accepted);
        Map<String, Long> inbox = inbox("owner@" + site + ".test");
        System.out.printf("Sign-ups accepted: %,d%n", accepted.size());
        System.out.printf("  customers: %s%n", tally.compare(accepted, customersByEmail));
        System.out.printf("  access requests: %s%n", tally.compare(accepted, requests));
        System.out.printf("  owner mails sent: %s%n", tally.compare(accepted, mails));
        System.out.printf("  owner mails in the mailbox: %s%n", tally.compare(accepted, inbox));
    }

    private void checkImport(String importId, int rows) throws Exception {
        Set<String> expected = importedEmails(rows);
        Map<String, Long> applied = countsOf("imports", """
                SELECT cells[1], count(*) FROM import_rows WHERE import_id = ?::uuid AND status IN ('CREATED', 'UPDATED')
                GROUP BY cells[1]""", importId);
        Map<String, Long> imported = countsOf("customer", """
                SELECT c.email, count(t.id) FROM customers c LEFT JOIN timeline_entries t
                    ON t.customer_id = c.id AND t.type = 'IMPORTED'
                WHERE c.site_id = ? AND c.email LIKE 'imported-%' GROUP BY c.email""", site);
        System.out.printf("Import rows: %,d%n", rows);
        System.out.printf("  rows applied (import-service): %s%n", tally.compare(expected, applied));
        System.out.printf("  customers imported once (customer-service timeline): %s%n", tally.compare(expected, imported));
    }

    private void checkBulk(String jobId, int bulkCustomers) throws Exception {
        Set<String> expected = importedEmails(bulkCustomers);
        Map<String, Long> jobs = countsOf("customer", """
                SELECT status || ' ' || processed || ' processed, ' || changed || ' changed, ' || failed || ' failed', 1
                FROM bulk_jobs WHERE site_id = ?""", site);
        Map<String, Long> changed = countsOf("customer", """
                SELECT c.email, count(t.id) FROM customers c JOIN timeline_entries t
                    ON t.customer_id = c.id AND t.type = 'UPDATED' AND t.details->>'bulkJob' = ?
                WHERE 'bulk-changed' = ANY(c.tags) GROUP BY c.email""", jobId);
        System.out.printf("Bulk change of %,d customers: jobs of the site %s%n", bulkCustomers, jobs.keySet());
        tally.checked++;
        if (jobs.size() != 1 || !jobs.keySet().iterator().next().startsWith("FINISHED " + bulkCustomers + " processed")) {
            tally.lost++;
        }
        System.out.printf("  customers changed once: %s%n", tally.compare(expected, changed));
    }

    /** Records a consumer gave up on: each is an event some service never applied. */
    private void checkDeadLetters() throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", Files.readString(home.resolve("target/local-stack/kafka-bootstrap-servers")).strip());
        try (Admin kafka = Admin.create(config)) {
            List<String> deadLetters = kafka.listTopics().names().get().stream().filter(name -> name.endsWith(".dlt")).toList();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            kafka.describeTopics(deadLetters).allTopicNames().get().forEach((name, topic) -> topic.partitions()
                    .forEach(partition -> ends.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
            long records = 0;
            for (var end : kafka.listOffsets(ends).all().get().values()) {
                records += end.offset();
            }
            System.out.printf("Dead-letter topics: %d records in %d topics (since the stack started)%n", records,
                    deadLetters.size());
            tally.lost += records;
        }
    }

    /** Counts per e-mail, waited for until every expected e-mail has its effect or the pipeline had time to settle. */
    private Map<String, Long> awaitCounts(String database, String sql, Set<String> expected) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<String, Long> counts = countsOf(database, sql, site);
        while (!counts.keySet().containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            counts = countsOf(database, sql, site);
        }
        return counts;
    }

    private Map<String, Long> countsOf(String database, String sql, String parameter) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection db = ports.database(database); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The owner mails in the owner's mailbox, by the visitor their subject names. */
    private Map<String, Long> inbox(String owner) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "localhost");
        properties.put("mail.imap.port", Integer.toString(ports.imap()));
        Pattern visitor = Pattern.compile("<(visitor-\\d+@" + Pattern.quote(site) + "\\.test)>");
        Map<String, Long> counts = new HashMap<>();
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(owner, "any");
        try {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            Message[] messages = folder.getMessages();
            FetchProfile envelopes = new FetchProfile();
            envelopes.add(FetchProfile.Item.ENVELOPE);
            folder.fetch(messages, envelopes);
            for (Message message : messages) {
                Matcher matcher = visitor.matcher(String.valueOf(message.getSubject()));
                if (matcher.find()) {
                    counts.merge(matcher.group(1), 1L, Long::sum);
                }
            }
            folder.close(false);
        } finally {
            store.close();
        }
        return counts;
    }

    private Path writeFile(int rows, int bulkCustomers) throws IOException {
        Path file = home.resolve("target/chaos/" + site + ".csv");
        Files.createDirectories(file.getParent());
        StringBuilder csv = new StringBuilder("email,firstName,lastName,tags\n");
        for (int i = 0; i < rows; i++) {
            csv.append(importedEmail(i)).append(",Imported,Customer").append(i).append(',')
                    .append(i < bulkCustomers ? "bulk" : "").append('\n');
        }
        Files.writeString(file, csv);
        return file;
    }

    /** The e-mails of the file's first {@code rows} rows. */
    private Set<String> importedEmails(int rows) {
        Set<String> emails = new java.util.HashSet<>();
        for (int i = 0; i < rows; i++) {
            emails.add(importedEmail(i));
        }
        return emails;
    }

    private String importedEmail(int i) {
        return "imported-" + i + "@" + site + ".test";
    }

    private static String field(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + json);
        }
        return matcher.group(1);
    }

    /** What was expected against what was found: each expected effect checked, missing ones lost, extra ones twice. */
    private static final class Tally {

        long checked;
        long lost;
        long twice;

        String compare(Set<String> expected, Map<String, Long> found) {
            long missing = 0;
            long duplicated = 0;
            for (String key : expected) {
                long count = found.getOrDefault(key, 0L);
                if (count == 0) {
                    missing++;
                } else if (count > 1) {
                    duplicated++;
                }
            }
            checked += expected.size();
            lost += missing;
            twice += duplicated;
            return String.format("%,d found once, %,d missing, %,d more than once", expected.size() - missing - duplicated,
                    missing, duplicated);
        }
    }
}
