package io.clientele.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a local stack that was killed leaves behind: its services, registry and PostgreSQL go on running (they are
 * processes of their own) and hold the ports the next stack needs. Each stack writes down its processes; the next
 * one stops those still running before it starts, and says plainly which port another program holds.
 */
final class Leftovers {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final Path file;

    Leftovers(Path file) {
        this.file = file;
    }

    /** Stops the processes the previous stack wrote down, if they still run; answers what it stopped. */
    List<String> stopPrevious() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> stopped = new ArrayList<>();
        List<ProcessHandle> running = new ArrayList<>();
        read().forEach((what, pid) -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(Leftovers::ours)
                .ifPresent(process -> {
            process.destroy();
            running.add(process);
            stopped.add(what + " (pid " + pid + ")");
        }));
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle process : running) {
            try {
                process.onExit().get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                process.destroyForcibly();
            }
        }
        forget();
        return stopped;
    }

    /** A recorded pid may have been given to another program since: only a JVM or PostgreSQL is stopped. */
    private static boolean ours(ProcessHandle process) {
        return process.info().command().map(command -> command.contains("java") || command.contains("postgres")).orElse(false);
    }

    /** The first port of the stack another program listens on, with what the stack needs it for. */
    static Optional<String> portTaken(LocalStackPorts ports) {
        Map<String, Integer> needed = new LinkedHashMap<>();
        needed.put("the gateway", ports.edge());
        needed.put("customer-service", ports.customer());
        needed.put("access-service", ports.access());
        needed.put("import-service", ports.imports());
        needed.put("notification-service", ports.notification());
        needed.put("PostgreSQL", ports.postgres());
        needed.put("the schema registry", ports.registry());
        needed.put("SMTP", ports.smtp());
        needed.put("IMAP", ports.imap());
        for (Map.Entry<String, Integer> port : needed.entrySet()) {
            try (ServerSocket probe = new ServerSocket(port.getValue(), 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException taken) {
                return Optional.of("port " + port.getValue() + " (for " + port.getKey() + ")");
            }
        }
        return Optional.empty();
    }

    void record(Map<String, Long> processes) {
        StringBuilder lines = new StringBuilder();
        processes.forEach((what, pid) -> lines.append(pid).append(' ').append(what).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Long> read() {
        Map<String, Long> processes = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    processes.put(line.substring(space + 1), Long.parseLong(line.substring(0, space)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Map.of();
        }
        return processes;
    }
}
