package io.clientele.local;

import io.clientele.platform.security.SiteRole;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * {@code ./clientele} runs this:
 * <ul>
 *   <li>{@code up}: starts the local stack and keeps it running until Ctrl-C;</li>
 *   <li>{@code token SITE [owner|editor|viewer]}: prints an admin token for the site, an owner's unless named;</li>
 *   <li>{@code bench [N] [CONCURRENCY]}: measures sign-up to owner e-mail on a running local stack;</li>
 *   <li>{@code bench-mail [N]}: measures e-mails delivered per second with N mails queued at once;</li>
 *   <li>{@code bench-access [LOGINS] [CHECKS] [CONCURRENCY]}: measures log-ins and access checks per second;</li>
 *   <li>{@code bench-import [ROWS]}: imports a generated XLSX file end to end and compares with PostgreSQL's COPY;</li>
 *   <li>{@code bench-bulk [CUSTOMERS]}: changes, then deletes, every customer of a seeded site with one bulk job each;</li>
 *   <li>{@code bench-customers [CUSTOMERS] [WRITES] [CONCURRENCY]}: seeds a site and measures search, filters, export
 *   and writes;</li>
 *   <li>{@code chaos [SEED]}: kills and restarts the services of a running stack while it imports, signs up and
 *   changes customers in bulk, then counts what was lost or applied twice.</li>
 * </ul>
 */
public final class LocalStackCommand {

    private LocalStackCommand() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> up();
            case "token" -> {
                if (args.length < 2 || args.length > 3) {
                    usage();
                }
                SiteRole role = args.length == 3 ? SiteRole.ofClaim(args[2]).orElse(null) : SiteRole.OWNER;
                if (role == null) {
                    usage();
                }
                System.out.println(LocalStack.token(args[1], role));
            }
            case "bench" -> SignupLatencyBenchmark.run(LocalStackPorts.defaults(),
                    args.length > 1 ? Integer.parseInt(args[1]) : 500,
                    args.length > 2 ? Integer.parseInt(args[2]) : 16);
            case "bench-mail" -> MailThroughputBenchmark.run(LocalStackPorts.defaults(), home().resolve(KAFKA_ADDRESS_FILE),
                    args.length > 1 ? Integer.parseInt(args[1]) : 2000);
            case "bench-access" -> AccessBenchmark.run(LocalStackPorts.defaults(),
                    args.length > 1 ? Integer.parseInt(args[1]) : 200,
                    args.length > 2 ? Integer.parseInt(args[2]) : 50_000,
                    args.length > 3 ? Integer.parseInt(args[3]) : 4);
            case "bench-customers" -> CustomerBenchmark.run(LocalStackPorts.defaults(),
                    args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 2_000,
                    args.length > 3 ? Integer.parseInt(args[3]) : 8);
            case "bench-import" -> ImportBenchmark.run(LocalStackPorts.defaults(), home().resolve("target/bench"),
                    args.length > 1 ? Integer.parseInt(args[1]) : 200_000);
            case "bench-bulk" -> BulkBenchmark.run(LocalStackPorts.defaults(),
                    args.length > 1 ? Integer.parseInt(args[1]) : 100_000);
            case "chaos" -> ChaosRun.run(home(), LocalStackPorts.defaults(),
                    args.length > 1 ? Long.parseLong(args[1]) : new java.util.Random().nextLong(1, Long.MAX_VALUE),
                    50_000, 20_000, 20);
            default -> usage();
        }
    }

    /** Where {@code up} writes the broker's address, for the commands that talk to Kafka directly. */
    private static final String KAFKA_ADDRESS_FILE = "target/local-stack/kafka-bootstrap-servers";
    /** Where {@code up} writes the port of its controls, for {@code chaos}. */
    private static final String CONTROL_PORT_FILE = "target/local-stack/control-port";

    private static Path home() {
        return Path.of(System.getProperty("clientele.home", ".")).toAbsolutePath().normalize();
    }

    private static void up() throws Exception {
        Path home = home();
        LocalStackPorts ports = LocalStackPorts.defaults();
        Leftovers leftovers = new Leftovers(home.resolve("target/local-stack/processes"));
        List<String> stopped = leftovers.stopPrevious();
        if (!stopped.isEmpty()) {
            System.out.println("Stopped what an earlier Clientele that was killed left running: " + String.join(", ", stopped));
        }
        Optional<String> taken = Leftovers.portTaken(ports);
        if (taken.isPresent()) {
            System.err.println("Clientele cannot start: another program listens on " + taken.get()
                    + ". Stop it (`ss -ltnp` names it), then run ./clientele up again.");
            System.exit(1);
        }
        System.out.println("Starting Clientele from " + home + " ...");
        LocalStack stack = LocalStack.start(home, home.resolve("target/local-stack"), ports);
        leftovers.record(stack.processes());
        java.nio.file.Files.writeString(home.resolve(KAFKA_ADDRESS_FILE), stack.bootstrapServers());
        StackControl control = StackControl.start(stack, leftovers, home.resolve(CONTROL_PORT_FILE));
        CountDownLatch stopping = new CountDownLatch(1);
        // Ctrl-C and SIGTERM stop the stack before the JVM's shutdown hooks run: the embedded broker's temporary
        // directory is deleted by one of those, and deleting it under a running broker fills the console with errors.
        for (String signal : List.of("INT", "TERM")) {
            Signal.handle(new Signal(signal), received -> stopping.countDown());
        }
        System.out.println(stack.describe());
        stopping.await();
        System.out.println("\nStopping Clientele ...");
        control.close();
        stack.close();
        leftovers.forget();
        System.out.println("Clientele stopped.");
        System.exit(0);
    }

    private static void usage() {
        System.err.println("usage: clientele [up | token SITE [owner|editor|viewer] | bench [N] [CONCURRENCY] | bench-mail [N] | bench-access [LOGINS] [CHECKS] [CONCURRENCY]"
                + " | bench-customers [CUSTOMERS] [WRITES] [CONCURRENCY] | bench-import [ROWS] | bench-bulk [CUSTOMERS] | chaos [SEED]]");
        System.exit(2);
    }
}
