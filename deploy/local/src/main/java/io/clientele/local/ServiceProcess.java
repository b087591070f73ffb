package io.clientele.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One Clientele service, run from its runnable jar as a child process of the local stack. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, List<String> command, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
        this.process = process;
    }

    /**
     * Starts {@code <home>/<module>/target/<name>-*-exec.jar} with the given Spring properties, the name being the
     * module's last folder.
     */
    static ServiceProcess start(Path home, String module, int port, List<String> properties, Path logs) {
        String name = Path.of(module).getFileName().toString();
        Path jar = runnableJar(home.resolve(module).resolve("target"), name);
        Path log = logs.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=" + port));
        properties.forEach(property -> command.add("--" + property));
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        return launch(name, port, log, List.copyOf(command), ProcessBuilder.Redirect.to(log.toFile()));
    }

    private static ServiceProcess launch(String name, int port, Path log, List<String> command, ProcessBuilder.Redirect output) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
            return new ServiceProcess(name, port, log, command, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Kills the service as a crash would (SIGKILL), then starts it again the same way, its log continued. */
    ServiceProcess killedAndRestarted() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
        return launch(name, port, log, command, ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /** Waits until the service's readiness probe answers UP. */
    void awaitReady(Duration timeout) {
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    /** Stops the service gracefully (SIGTERM), forcibly after 20 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static Path runnableJar(Path target, String name) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(name + "-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No runnable jar of " + name + " in " + target));
        } catch (IOException e) {
            throw new IllegalStateException("No runnable jar of " + name + " in " + target + ": build it first", e);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
