package io.clientele.platform.embedded;

import io.clientele.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Apicurio Registry server (unpacked by the build into {@code apicurio.home}) run as a child process, with
 * BACKWARD compatibility set as the registry-wide default. Clients use its Confluent-compatible API.
 */
public final class ApicurioRegistryServer implements AutoCloseable {

    public static final String HOME_PROPERTY = "apicurio.home";

    private final Process process;
    private final int port;

    private ApicurioRegistryServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the registry on the port (0 for any free one) and waits until it is ready. */
    public static ApicurioRegistryServer start(Path home, int port, Path log) {
        Path runner = home.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("No Apicurio Registry at " + home.toAbsolutePath()
                    + ": build the project first (./mvnw -DskipTests package unpacks it there)");
        }
        int httpPort = port == 0 ? FreePorts.next() : port;
        int managementPort = FreePorts.next();
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                    "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + httpPort,
                    "-Dquarkus.management.port=" + managementPort,
                    "-Dquarkus.log.level=WARN",
                    "-jar", runner.toAbsolutePath().toString()))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ApicurioRegistryServer server = new ApicurioRegistryServer(process, httpPort);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.awaitReady(managementPort, log);
            new SchemaRegistryClient(server.confluentApiUrl()).setDefaultCompatibility("BACKWARD");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Apicurio Registry did not start", e);
        }
    }

    /** The Confluent Schema Registry API of this registry: what {@code schema.registry.url} is set to. */
    public String confluentApiUrl() {
        return "http://localhost:" + port + "/apis/ccompat/v7";
    }

    /** The registry's process, for a later run to stop it if this one is killed. */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    private void awaitReady(int managementPort, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Apicurio Registry", e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("Apicurio Registry was not ready within 120 s; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
