package io.clientele.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journeys across the four services, each running from its runnable jar as in production, on real PostgreSQL,
 * Kafka, schema registry and SMTP: a visitor asks for access to a protected page and the site's owner finds the
 * e-mail about it in their inbox; approved, the visitor sets a password from the invitation e-mail, logs in and may
 * see the page; an owner imports a spreadsheet and is told by e-mail when its rows are applied; a customer's personal
 * data is reported from every service, then erased from every service's database.
 */
class PlatformJourneysIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void startTheStack() {
        stack = RunningStack.get();
    }

    @Test
    void aVisitorsAccessRequestReachesTheOwnersInbox() throws Exception {
        String token = LocalStack.token("demo");
        // 1. The owner sets the site's settings.
        HttpResponse<String> site = send(HttpRequest.newBuilder(URI.create(stack.customerUrl() + "/api/v1/sites/demo"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Demo Gallery", "ownerEmail": "owner@demo.test", "locale": "en"}""")));
        assertThat(site.statusCode()).isEqualTo(200);

        // 2. A visitor asks for access to a protected page: public, no token.
        HttpResponse<String> signup = send(HttpRequest.newBuilder(URI.create(stack.customerUrl() + "/api/v1/sites/demo/signups"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email": "jane.doe@example.test", "firstName": "Jane", "lastName": "Doe",
                         "channel": "ACCESS_REQUEST", "pageId": "members", "optIn": true, "locale": "en"}""")));
        assertThat(signup.statusCode()).isEqualTo(202);
        assertThat(json(signup).get("eventId").asString()).isNotBlank();

        // 3 and 6. customer-service made a customer of the visitor, and finds it.
        JsonNode customer = await().atMost(Duration.ofSeconds(60)).until(
                () -> get(stack.customerUrl() + "/api/v1/sites/demo/customers?q=jane", token).get("items"),
                items -> items.size() == 1).get(0);
        assertThat(customer.get("email").asString()).isEqualTo("jane.doe@example.test");
        // Her opt-in counts once she follows the link mailed to her (double opt-in).
        assertThat(customer.get("marketingOptIn").asBoolean()).isFalse();
        MemberJourney jane = new MemberJourney(stack.ports(), "demo");
        jane.confirmSubscription(jane.confirmationToken("jane.doe@example.test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(stack.customerUrl() + "/api/v1/sites/demo/customers/"
                + customer.get("id").asString(), token).get("marketingOptIn").asBoolean());

        // 4. access-service holds a pending access request for the page.
        JsonNode request = await().atMost(Duration.ofSeconds(60)).until(
                () -> get(stack.accessUrl() + "/api/v1/sites/demo/access-requests?status=PENDING&customerId="
                        + customer.get("id").asString(), token).get("items"),
                items -> items.size() == 1).get(0);
        assertThat(request.get("customerId").asString()).isEqualTo(customer.get("id").asString());
        assertThat(request.get("pageId").asString()).isEqualTo("members");

        // 5. The owner has the e-mail in their inbox, and the delivery log says so. (The console's journeys share the
        //    demo site and its owner's inbox.)
        String subject = "New access request on Demo Gallery from Jane Doe <jane.doe@example.test>";
        List<String> inbox = await().atMost(Duration.ofSeconds(60)).until(() -> inboxSubjects("owner@demo.test"),
                subjects -> subjects.contains(subject));
        assertThat(inbox).containsOnlyOnce(subject);
        JsonNode delivery = java.util.stream.StreamSupport.stream(get(stack.notificationUrl()
                        + "/api/v1/sites/demo/notifications?template=access-request-pending", token).get("items").spliterator(), false)
                .filter(item -> item.get("subject").asString().equals(subject)).findFirst().orElseThrow();
        assertThat(delivery.get("status").asString()).isEqualTo("SENT");
        assertThat(delivery.get("recipient").asString()).isEqualTo("owner@demo.test");
    }

    @Test
    void anApprovedVisitorSetsAPasswordFromTheInvitationLogsInAndSeesTheProtectedPage() throws Exception {
        MemberJourney journey = new MemberJourney(stack.ports(), "club");
        journey.createSite();
        journey.protect("lounge", "members");
        String requestId = journey.requestAccess("mia@example.test", "lounge");

        journey.approve(requestId, "members");
        journey.setPassword(journey.invitationToken("mia@example.test"), "a long and quiet passphrase");
        String session = journey.logIn("mia@example.test", "a long and quiet passphrase");

        JsonNode answer = journey.check("lounge", session);
        assertThat(answer.get("allowed").asBoolean()).isTrue();
        assertThat(answer.get("reason").asString()).isEqualTo("MEMBER");
        assertThat(journey.check("lounge", null).get("reason").asString()).isEqualTo("NOT_LOGGED_IN");
        JsonNode groups = await().atMost(Duration.ofSeconds(30)).until(
                () -> json(send(HttpRequest.newBuilder(URI.create(stack.customerUrl() + "/api/v1/sites/club/groups"))
                        .header("Authorization", "Bearer " + LocalStack.token("club")))), found -> found.size() == 1);
        assertThat(groups.get(0).get("name").asString()).isEqualTo("members");
        assertThat(groups.get(0).get("members").asLong()).isEqualTo(1);
    }

    @Test
    void anOwnerInvitesACustomerTheMomentTheyCreatedThem() throws Exception {
        MemberJourney journey = new MemberJourney(stack.ports(), "atelier");
        journey.createSite();
        String token = LocalStack.token("atelier");
        for (int i = 0; i < 5; i++) {
            String email = "new-" + i + "@example.test";
            HttpResponse<String> created = send(StackHttp.json(stack.customerUrl() + "/api/v1/sites/atelier/customers", token,
                    "POST", "{\"email\": \"" + email + "\", \"firstName\": \"Noor\"}"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> invited = send(StackHttp.json(stack.accessUrl() + "/api/v1/sites/atelier/customers/"
                    + json(created).get("id").asString() + "/invitations", token, "POST", ""));
            assertThat(invited.statusCode()).as(invited.body()).isEqualTo(202);
            assertThat(journey.invitationToken(email)).isNotBlank();
        }
        HttpResponse<String> nobody = send(StackHttp.json(stack.accessUrl() + "/api/v1/sites/atelier/customers/"
                + java.util.UUID.randomUUID() + "/invitations", token, "POST", ""));
        assertThat(nobody.statusCode()).isEqualTo(404);
    }

    @Test
    void anOwnersSpreadsheetIsImportedRowByRowAndTheOwnerIsToldByEmail() throws Exception {
        String token = LocalStack.token("shop");
        String customers = stack.customerUrl() + "/api/v1/sites/shop";
        assertThat(send(HttpRequest.newBuilder(URI.create(customers)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Shop", "ownerEmail": "owner@shop.test", "locale": "en"}"""))).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(URI.create(customers + "/customers")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"email": "old@shop.test", "firstName": "Olga"}"""))).statusCode()).isEqualTo(201);
        Path file = Files.createTempFile("customers", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Spreadsheet", "1.0");
            Worksheet sheet = workbook.newWorksheet("Customers");
            List<List<String>> rows = List.of(List.of("Email", "First name", "Last name", "groups", "optIn"),
                    List.of("new@shop.test", "Nora", "New", "VIP", "yes"),
                    List.of("OLD@shop.test", "Olga", "Old", "", ""),
                    List.of("not an e-mail", "Bad", "Row", "", ""));
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    sheet.value(r, c, rows.get(r).get(c));
                }
            }
            workbook.finish();
        }

        HttpResponse<String> accepted = send(StackHttp.upload(stack.importUrl() + "/api/v1/sites/shop/imports", token, file));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String importId = json(accepted).get("id").asString();

        JsonNode finished = await().atMost(Duration.ofSeconds(60)).until(
                () -> get(stack.importUrl() + "/api/v1/sites/shop/imports/" + importId, token),
                progress -> progress.get("status").asString().equals("FINISHED"));
        assertThat(finished.get("result").toString()).isEqualTo("{\"created\":1,\"updated\":1,\"unchanged\":0,\"failed\":1}");
        JsonNode nora = get(customers + "/customers?q=nora", token).get("items").get(0);
        assertThat(nora.get("groups").get(0).asString()).isEqualTo("VIP");
        assertThat(nora.get("marketingOptIn").asBoolean()).isTrue();
        assertThat(nora.get("sourceChannel").asString()).isEqualTo("IMPORT");
        assertThat(get(customers + "/customers?q=olga", token).get("items").get(0).get("lastName").asString()).isEqualTo("Old");
        assertThat(send(HttpRequest.newBuilder(URI.create(stack.importUrl() + "/api/v1/sites/shop/imports/" + importId
                + "/failures.csv")).header("Authorization", "Bearer " + token)).body())
                .contains("not an e-mail,Bad,Row,,,email: is not an e-mail address");
        assertThat(await().atMost(Duration.ofSeconds(60)).until(() -> inboxSubjects("owner@shop.test"), subjects -> !subjects.isEmpty()))
                .containsExactly("Import of " + file.getFileName() + " finished on Shop");
    }

    @Test
    void aCustomersPersonalDataIsReportedFromEveryServiceThenErasedFromEveryDatabase() throws Exception {
        String email = "zephyrine.erasedottir@example.test";
        MemberJourney journey = new MemberJourney(stack.ports(), "privacy");
        journey.createSite();
        journey.protect("vault", "members");
        journey.approve(journey.requestAccess(email, "Zephyrine", "Erasedottir", "vault"), "members");
        journey.setPassword(journey.invitationToken(email), "a long and quiet passphrase");
        journey.logIn(email, "a long and quiet passphrase");
        String token = LocalStack.token("privacy");
        Path file = Files.createTempFile("privacy", ".csv");
        Files.writeString(file, "Email,First name,Last name,Phone\n" + email + ",Zephyrine,Erasedottir,+33 6 71 82 93 04\n"
                + email.toUpperCase() + ",Zephyrine,Erasedottir,06 71 82 93 04\n");
        String importId = json(send(StackHttp.upload(stack.importUrl() + "/api/v1/sites/privacy/imports", token, file)))
                .get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> get(stack.importUrl() + "/api/v1/sites/privacy/imports/" + importId,
                token).get("status").asString(), "FINISHED"::equals);
        String customers = stack.customerUrl() + "/api/v1/sites/privacy/customers/";
        String id = get(customers.substring(0, customers.length() - 1) + "?q=zephyrine", token).get("items").get(0).get("id").asString();

        JsonNode report = await().atMost(Duration.ofSeconds(60)).until(() -> get(customers + id + "/personal-data", token),
                found -> found.get("customer-service").get("timeline").toString().contains("EMAIL_SENT")
                        && found.get("customer-service").get("timeline").toString().contains("LOGGED_IN"));
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("customer-service").get("customer").get("phone").asString()).isEqualTo("+33671829304");
        assertThat(report.get("access-service").get("accessRequests").get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(report.get("access-service").get("password")).hasSize(1);
        assertThat(report.get("import-service").get("importedRows").get(0).get("cells").get(0).asString()).isEqualTo(email);
        assertThat(report.get("notification-service").get("emails").get(0).get("recipient").asString()).isEqualTo(email);

        List<String> personalData = List.of(email, "Zephyrine", "Erasedottir", "671829304", "71 82 93 04");
        for (String database : List.of("customer", "access", "imports", "notification")) {
            assertThat(PersonalDataSearch.in(stack.ports(), database, List.of(email)))
                    .as("the customer's e-mail in " + database + " before the erasure").isNotEmpty();
        }

        assertThat(send(HttpRequest.newBuilder(URI.create(customers + id + "?erase=true"))
                .header("Authorization", "Bearer " + token).DELETE()).statusCode()).isEqualTo(204);
        JsonNode erasure = await().atMost(Duration.ofSeconds(60)).until(
                () -> get(stack.customerUrl() + "/api/v1/sites/privacy/erasures/" + id, token),
                status -> status.get("complete").asBoolean());
        assertThat(erasure.get("confirmed")).hasSize(4);

        List<String> found = new ArrayList<>();
        for (String database : List.of("customer", "access", "imports", "notification")) {
            found.addAll(PersonalDataSearch.in(stack.ports(), database, personalData));
        }
        assertThat(found).as("columns still holding the customer's e-mail, name or phone").isEmpty();
    }

    @Test
    void everyServiceServesItsProbesMetricsAndOpenApiDocument() throws Exception {
        for (String service : List.of(stack.customerUrl(), stack.accessUrl(), stack.importUrl(), stack.notificationUrl())) {
            assertThat(json(send(HttpRequest.newBuilder(URI.create(service + "/actuator/health/liveness")))).get("status").asString())
                    .as(service).isEqualTo("UP");
            assertThat(json(send(HttpRequest.newBuilder(URI.create(service + "/actuator/health/readiness")))).get("status").asString())
                    .as(service).isEqualTo("UP");
            assertThat(send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))).body())
                    .as(service).contains("jvm_memory_used_bytes");
            assertThat(json(send(HttpRequest.newBuilder(URI.create(service + "/v3/api-docs")))).get("openapi").asString())
                    .as(service).startsWith("3.");
        }
    }

    @Test
    void aMembersJourneyShowsInEachServicesBusinessMetrics() throws Exception {
        MemberJourney journey = new MemberJourney(stack.ports(), "metered");
        journey.createSite();
        journey.protect("vault", "keyholders");
        journey.approve(journey.requestAccess("max@example.test", "vault"), "keyholders");
        journey.setPassword(journey.invitationToken("max@example.test"), "a long and quiet passphrase");
        journey.check("vault", journey.logIn("max@example.test", "a long and quiet passphrase"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String customers = metrics(stack.customerUrl());
            assertThat(counted(customers, "clientele_events_published_total", "topic=\"customer.events\"")).isPositive();
            assertThat(counted(customers, "clientele_events_applied_total", "consumer=")).isPositive();
            assertThat(customers).contains("clientele_outbox_pending").contains("clientele_outbox_oldest_age");
            String access = metrics(stack.accessUrl());
            assertThat(counted(access, "clientele_logins_total", "outcome=\"logged-in\"")).isPositive();
            assertThat(counted(access, "clientele_access_checks_total", "reason=\"MEMBER\"")).isPositive();
            assertThat(counted(access, "clientele_events_published_total", "topic=\"access.events\"")).isPositive();
            assertThat(counted(metrics(stack.notificationUrl()), "clientele_mails_total", "outcome=\"sent\"")).isPositive();
        });
    }

    private static String metrics(String service) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))).body();
    }

    /** The sum of a Prometheus counter's series that carry the label. */
    private static double counted(String metrics, String name, String label) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static List<String> inboxSubjects(String user) throws Exception {
        return new Mailbox(stack.ports().imap()).mails(user).stream().map(Mailbox.Mail::subject).toList();
    }

    private static JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token));
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return json(response);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
