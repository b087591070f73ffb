package io.clientele.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.clientele.platform.embedded.ApicurioRegistryServer;
import io.clientele.platform.embedded.EmbeddedKafkaServer;
import io.clientele.platform.embedded.EmbeddedPostgresServer;
import io.clientele.platform.security.SiteRole;
import io.clientele.platform.security.SiteTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole platform on one machine: PostgreSQL (one database per service), a Kafka broker (KRaft), the Apicurio
 * registry and an SMTP+IMAP server (GreenMail, any password accepted), then the four services and the gateway in
 * front of them as processes of their own, configured to use them. The site {@code demo}, owned by {@code owner@demo.test}, is seeded.
 */
public final class LocalStack implements AutoCloseable {

    /** The HMAC secret of the local stack's tokens (the services' default). */
    public static final String HMAC_SECRET = "clientele-local-development-secret-0123456789";
    public static final String DEMO_SITE = "demo";
    public static final String DEMO_OWNER = "owner@demo.test";
    /** The demo site's collaborators the development identity provider signs in, by role: e-mail and password. */
    public static final Map<SiteRole, List<String>> DEMO_COLLABORATORS = Map.of(
            SiteRole.OWNER, List.of(DEMO_OWNER, "owner-demo-password"),
            SiteRole.EDITOR, List.of("editor@demo.test", "editor-demo-password"),
            SiteRole.VIEWER, List.of("viewer@demo.test", "viewer-demo-password"));

    private static final Duration STARTUP = Duration.ofMinutes(3);
    /** A restart shares the machine with the work going on: it is given longer. */
    private static final Duration RESTART = Duration.ofMinutes(8);

    private final LocalStackPorts ports;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Long> processes = new java.util.LinkedHashMap<>();
    private final Map<String, Object> restartLocks = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean closed;
    private final List<ServiceProcess> services = new ArrayList<>();
    private GreenMail mail;
    private String bootstrapServers;

    private LocalStack(LocalStackPorts ports) {
        this.ports = ports;
    }

    /**
     * @param home the repository, whose services' runnable jars are started
     * @param work where logs and the registry's output go
     */
    public static LocalStack start(Path home, Path work, LocalStackPorts ports) {
        return start(home, work, ports, List.of());
    }

    /** @param overrides Spring properties given to every service besides those the stack sets (name none of those) */
    public static LocalStack start(Path home, Path work, LocalStackPorts ports, List<String> overrides) {
        LocalStack stack = new LocalStack(ports);
        try {
            stack.startInfrastructure(home, work);
            stack.startServices(home, work.resolve("logs"), overrides);
            stack.seedDemoSite();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure(Path home, Path work) {
        Path registryHome = Path.of(System.getProperty(ApicurioRegistryServer.HOME_PROPERTY,
                home.resolve("target/apicurio-registry-3.3.3").toString()));
        CompletableFuture<ApicurioRegistryServer> registry = CompletableFuture.supplyAsync(() ->
                ApicurioRegistryServer.start(registryHome, ports.registry(), work.resolve("logs/apicurio-registry.log")));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(ports.postgres());
        started.add(postgres);
        processes.put("PostgreSQL", postgres.pid());
        for (String database : List.of("customer", "access", "imports", "notification")) {
            postgres.createDatabase(database);
        }
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start();
        started.add(kafka);
        bootstrapServers = kafka.bootstrapServers();
        mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(ports.smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(ports.imap(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        started.add(mail::stop);
        ApicurioRegistryServer running = registry.join();
        started.add(running);
        processes.put("schema registry", running.pid());
    }

    private void startServices(Path home, Path logs, List<String> overrides) {
        services.add(ServiceProcess.start(home, "deploy/identity-provider", ports.identity(), List.of(
                "spring.security.oauth2.authorizationserver.issuer=" + identityUrl(),
                "clientele.identity.console-redirect-uri=" + edgeUrl() + "/login/oauth2/code/clientele",
                "clientele.identity.console-signed-out-uri=" + edgeUrl() + "/admin"), logs));
        List<String> shared = new ArrayList<>(List.of(
                "clientele.database.port=" + ports.postgres(),
                "spring.kafka.bootstrap-servers=" + bootstrapServers,
                "clientele.schema-registry.url=http://localhost:" + ports.registry() + "/apis/ccompat/v7",
                "clientele.security.hmac-secret=" + HMAC_SECRET,
                // The console's collaborators' tokens, and ./clientele token's.
                "clientele.security.jwk-set-uri=" + identityUrl() + "/oauth2/jwks",
                "clientele.security.hmac-alongside-jwk-set=true",
                // What listens on this machine's loopback is the edge in front of the services (and the benchmarks
                // standing in for it): its forwarding headers name the client.
                "clientele.web.trusted-proxies=127.0.0.1,::1"));
        shared.addAll(overrides);
        List<String> customer = new ArrayList<>(shared);
        customer.add("clientele.personal-data.access-url=http://localhost:" + ports.access());
        customer.add("clientele.personal-data.import-url=http://localhost:" + ports.imports());
        customer.add("clientele.personal-data.notification-url=http://localhost:" + ports.notification());
        services.add(ServiceProcess.start(home, "customer-service", ports.customer(), customer, logs));
        List<String> access = new ArrayList<>(shared);
        access.add("clientele.customer-service.url=http://localhost:" + ports.customer());
        services.add(ServiceProcess.start(home, "access-service", ports.access(), access, logs));
        services.add(ServiceProcess.start(home, "import-service", ports.imports(), shared, logs));
        List<String> notification = new ArrayList<>(shared);
        notification.add("spring.mail.port=" + ports.smtp());
        notification.add("clientele.notification.public-base-url=" + edgeUrl());
        notification.add("clientele.notification.admin-base-url=" + edgeUrl() + "/admin");
        notification.add("clientele.notification.tracking-base-url=" + edgeUrl());
        services.add(ServiceProcess.start(home, "notification-service", ports.notification(), notification, logs));
        List<String> edge = new ArrayList<>(List.of(
                "clientele.edge.customer-url=" + customerUrl(),
                "clientele.edge.access-url=" + accessUrl(),
                "clientele.edge.import-url=" + importUrl(),
                "clientele.edge.notification-url=" + notificationUrl(),
                "clientele.edge.console-end-session-url=" + identityUrl() + "/connect/logout",
                "spring.security.oauth2.client.provider.clientele.authorization-uri=" + identityUrl() + "/oauth2/authorize",
                "spring.security.oauth2.client.provider.clientele.token-uri=" + identityUrl() + "/oauth2/token",
                "spring.security.oauth2.client.provider.clientele.jwk-set-uri=" + identityUrl() + "/oauth2/jwks"));
        edge.addAll(overrides);
        services.add(ServiceProcess.start(home, "gateway", ports.edge(), edge, logs));
        services.stream()
                .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(STARTUP)))
                .toList()
                .forEach(CompletableFuture::join);
    }

    private void seedDemoSite() {
        HttpRequest put = HttpRequest.newBuilder(URI.create(customerUrl() + "/api/v1/sites/" + DEMO_SITE))
                .header("Authorization", "Bearer " + token(DEMO_SITE))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Demo", "ownerEmail": "%s", "locale": "en", "senderName": "Demo site"}""".formatted(DEMO_OWNER)))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Seeding the demo site failed: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Seeding the demo site failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding the demo site", e);
        }
    }

    /** An admin token for the site, valid for a day. */
    public static String token(String siteId) {
        return token(siteId, SiteRole.OWNER);
    }

    /** A collaborator's admin token for the site, valid for a day. */
    public static String token(String siteId, SiteRole role) {
        return SiteTokens.issue(HMAC_SECRET, siteId, "local-" + role.claim(), role, Duration.ofDays(1));
    }

    public LocalStackPorts ports() {
        return ports;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public GreenMail mail() {
        return mail;
    }

    /** The one origin browsers and apps use: the API of every service, and the hosted pages. */
    public String edgeUrl() {
        return "http://localhost:" + ports.edge();
    }

    /** The development identity provider the owner console signs collaborators in with. */
    public String identityUrl() {
        return "http://localhost:" + ports.identity();
    }

    public String customerUrl() {
        return "http://localhost:" + ports.customer();
    }

    public String accessUrl() {
        return "http://localhost:" + ports.access();
    }

    public String importUrl() {
        return "http://localhost:" + ports.imports();
    }

    public String notificationUrl() {
        return "http://localhost:" + ports.notification();
    }

    /** What runs where, for a person to read. */
    public String describe() {
        StringBuilder text = new StringBuilder("Clientele is running. Browsers and apps use " + edgeUrl()
                + " (the API under /api/v1, the customer pages under /sites/<site>/...).\n");
        for (ServiceProcess service : services) {
            text.append(String.format("  %-22s %s   (log: %s)%n", service.name(), service.baseUrl(), service.log()));
        }
        text.append(String.format("  %-22s localhost:%d (user clientele, password clientele)%n", "PostgreSQL", ports.postgres()));
        text.append(String.format("  %-22s %s%n", "Kafka (KRaft)", bootstrapServers));
        text.append(String.format("  %-22s http://localhost:%d/apis/ccompat/v7%n", "Schema registry", ports.registry()));
        text.append(String.format("  %-22s smtp://localhost:%d, imap://localhost:%d (any password)%n", "Mail (GreenMail)",
                ports.smtp(), ports.imap()));
        text.append("Owner console: " + edgeUrl() + "/admin, signed in by the development identity provider at "
                + identityUrl() + ":\n");
        for (SiteRole role : SiteRole.values()) {
            List<String> collaborator = DEMO_COLLABORATORS.get(role);
            text.append(String.format("  %-8s %-20s password %s%n", role.claim(), collaborator.get(0), collaborator.get(1)));
        }
        text.append("Site '" + DEMO_SITE + "' is owned by " + DEMO_OWNER + ". Admin token: ./clientele token " + DEMO_SITE + "\n");
        text.append("Press Ctrl-C to stop everything.");
        return text.toString();
    }

    /**
     * Kills a service as a crash would and starts it again, answering once it is ready: what a chaos run does to the
     * platform.
     */
    public void killAndRestart(String name) {
        // One restart of a service at a time; different services may be down together, as on a failing node.
        synchronized (restartLock(name)) {
            ServiceProcess restarted;
            synchronized (services) {
                if (closed) {
                    throw new IllegalStateException("The stack is stopping");
                }
                int i = indexOf(name);
                restarted = services.get(i).killedAndRestarted();
                services.set(i, restarted);
            }
            restarted.awaitReady(RESTART);
        }
    }

    private Object restartLock(String name) {
        return restartLocks.computeIfAbsent(name, service -> new Object());
    }

    private int indexOf(String name) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No service " + name);
    }

    /** The processes the stack started (infrastructure and services), by what they run. */
    public Map<String, Long> processes() {
        Map<String, Long> all = new java.util.LinkedHashMap<>(processes);
        synchronized (services) {
            services.forEach(service -> all.put(service.name(), service.pid()));
        }
        return all;
    }

    /** Stops the services first, then what they use. */
    @Override
    public void close() {
        synchronized (services) {
            closed = true;
        }
        services.stream().map(service -> CompletableFuture.runAsync(service::close)).toList()
                .forEach(CompletableFuture::join);
        services.clear();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("Stopping " + started.get(i) + " failed: " + e);
            }
        }
        started.clear();
    }
}
