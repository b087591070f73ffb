package io.clientele.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.platform.embedded.TopicReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Random and hostile values (control characters, half surrogate pairs, huge strings, wrong types, injection
 * attempts, broken JSON) thrown at every public endpoint, the gateway's pages and the admin write endpoints of the
 * running platform: no answer is a 5xx, every sign-up answered 202 is applied by customer-service, and no record is
 * dead-lettered.
 */
class HostileInputIT {

    private static final String SITE = "fuzzed";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Set<String> ACCEPTED_SIGNUPS = ConcurrentHashMap.newKeySet();
    private static LocalStack stack;
    private static String customerId;

    @BeforeContainer
    static void aSiteWithACustomer() throws Exception {
        stack = RunningStack.get();
        String token = LocalStack.token(SITE);
        send(new Call("PUT", stack.customerUrl() + "/api/v1/sites/" + SITE, """
                {"name": "Fuzzed", "ownerEmail": "owner@fuzzed.test", "locale": "en"}""", true));
        HttpResponse<String> created = send(new Call("POST", stack.customerUrl() + "/api/v1/sites/" + SITE + "/customers",
                "{\"email\": \"target@fuzzed.test\", \"firstName\": \"Tar\", \"lastName\": \"Get\"}", true));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        customerId = id.group(1);
        assertThat(token).isNotBlank();
    }

    @Property(tries = 300)
    void noPublicEndpointAnswers5xx(@ForAll("publicCalls") Call call) throws Exception {
        HttpResponse<String> response = send(call);
        assertThat(response.statusCode()).as(call + " -> " + response.body()).isLessThan(500);
        if (call.url().endsWith("/signups") && response.statusCode() == 202) {
            Matcher eventId = EVENT_ID.matcher(response.body());
            assertThat(eventId.find()).isTrue();
            ACCEPTED_SIGNUPS.add(eventId.group(1));
        }
    }

    @Property(tries = 300)
    void noAdminWriteAnswers5xx(@ForAll("adminCalls") Call call) throws Exception {
        HttpResponse<String> response = send(call);
        assertThat(response.statusCode()).as(call + " -> " + response.body()).isLessThan(500);
    }

    @Property(tries = 200)
    void noHostedPageNorEdgeEndpointAnswers5xx(@ForAll("edgeCalls") Call call) throws Exception {
        HttpResponse<String> response = send(call);
        assertThat(response.statusCode()).as(call + " -> " + response.body()).isLessThan(500);
        assertThat(response.body()).as(call.toString()).doesNotContain("Exception").doesNotContain("at io.clientele");
    }

    @AfterContainer
    static void everyAcceptedSignupWasAppliedAndNothingWasDeadLettered() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> appliedSignups() == ACCEPTED_SIGNUPS.size());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            for (String topic : admin.listTopics().names().get()) {
                if (topic.endsWith(".dlt")) {
                    assertThat(TopicReader.rawRecords(stack.bootstrapServers(), topic)).as(topic).isEmpty();
                }
            }
        }
    }

    @Provide
    Arbitrary<Call> publicCalls() {
        String customer = stack.customerUrl() + "/api/v1/sites/" + SITE;
        String access = stack.accessUrl() + "/api/v1/sites/" + SITE;
        return Arbitraries.oneOf(
                body("POST", customer + "/signups", false, "email", "firstName", "lastName", "channel", "pageId", "optIn", "locale"),
                body("POST", customer + "/consent-confirmations", false, "token"),
                body("POST", access + "/sessions", false, "email", "password"),
                body("POST", access + "/password", false, "token", "password"),
                body("POST", access + "/password-resets", false, "email"),
                hostileText().map(page -> new Call("GET", access + "/pages/" + encoded(page) + "/access", null, false)),
                hostileText().map(file -> new Call("GET", stack.notificationUrl() + "/api/v1/tracking/opens/" + encoded(file),
                        null, false)),
                hostileText().map(site -> new Call("POST", stack.customerUrl() + "/api/v1/sites/" + encoded(site) + "/signups",
                        "{\"email\": \"a@b.test\", \"channel\": \"NEWSLETTER\"}", false)));
    }

    /** The gateway: its pages with hostile parameters, the forms it takes without a CSRF token, the API through it. */
    @Provide
    Arbitrary<Call> edgeCalls() {
        String pages = stack.edgeUrl() + "/sites/" + SITE;
        String api = stack.edgeUrl() + "/api/v1/sites/" + SITE;
        Arbitrary<String> page = Arbitraries.of("set-password", "reset-password", "forgot-password", "log-in", "confirm-email",
                "verify-email", "unsubscribe", "preferences", "pages/members", "pages/members/request-access");
        return Arbitraries.oneOf(
                Combinators.combine(page, hostileText(), hostileText(), hostileText()).as((name, token, lang, returnTo) ->
                        new Call("GET", pages + "/" + name + "?token=" + encoded(token) + "&lang=" + encoded(lang)
                                + "&returnTo=" + encoded(returnTo) + "&page=" + encoded(token), null, false)),
                hostileText().map(site -> new Call("GET", stack.edgeUrl() + "/sites/" + encoded(site) + "/log-in", null, false)),
                Combinators.combine(hostileText(), hostileText(), hostileText()).as((email, channel, lang) ->
                        new Call("POST", pages + "/signup", "email=" + encoded(email) + "&channel=" + encoded(channel)
                                + "&lang=" + encoded(lang) + "&returnTo=" + encoded(email), false,
                                "application/x-www-form-urlencoded")),
                hostileText().map(token -> new Call("POST", pages + "/unsubscribe?token=" + encoded(token),
                        "List-Unsubscribe=One-Click", false, "application/x-www-form-urlencoded")),
                body("POST", api + "/subscription", false, "token", "optedIn"),
                body("POST", api + "/subscription/status", false, "token"),
                body("POST", api + "/sessions/refresh", false, "refreshToken"),
                body("POST", api + "/registrations", false, "email", "password", "firstName", "lastName", "locale", "optIn"),
                body("POST", api + "/email-verifications", false, "token"),
                Arbitraries.just(new Call("GET", api + "/sessions/current", null, false)));
    }

    @Provide
    Arbitrary<Call> adminCalls() {
        String customer = stack.customerUrl() + "/api/v1/sites/" + SITE;
        String access = stack.accessUrl() + "/api/v1/sites/" + SITE;
        String[] customerFields = {"firstName", "lastName", "email", "phone", "smsNumber", "country", "organization",
                "tags", "externalIds", "metadata", "locale", "birthDate", "preferredContentType"};
        return Arbitraries.oneOf(
                body("PUT", customer, true, "name", "ownerEmail", "locale", "senderName", "senderEmail", "requireNames"),
                body("POST", customer + "/customers", true, customerFields),
                body("PATCH", customer + "/customers/" + customerId, true, customerFields),
                body("POST", customer + "/customers/" + customerId + "/notes", true, "text"),
                body("POST", customer + "/customers/" + customerId + "/consent", true, "optedIn", "source", "evidence"),
                body("POST", customer + "/customers/" + customerId + "/timeline", true, "type", "occurredAt", "details"),
                body("POST", customer + "/groups", true, "name", "query"),
                body("POST", customer + "/customers/search", true, "filter", "sort", "fields", "q"),
                body("POST", customer + "/saved-filters", true, "name", "query"),
                hostileText().map(q -> new Call("GET", customer + "/customers?q=" + encoded(q) + "&field=name", null, true)),
                hostileText().map(page -> new Call("PUT", access + "/pages/" + encoded(page), "{\"groups\": [\"members\"]}", true)),
                body("PUT", access + "/pages/members", true, "groups"));
    }

    /** A JSON object with some of the fields, each a hostile value, sometimes an unknown key; or a broken body. */
    private static Arbitrary<Call> body(String method, String url, boolean admin, String... fields) {
        Arbitrary<String> object = Combinators.combine(
                        Arbitraries.subsetOf(fields), hostileValue().list().ofSize(fields.length), hostileText())
                .as((chosen, values, extraKey) -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    int i = 0;
                    for (String field : fields) {
                        if (chosen.contains(field)) {
                            json.put(field, values.get(i));
                        }
                        i++;
                    }
                    if (extraKey.length() % 3 == 0) {
                        json.put(extraKey, values.getFirst());
                    }
                    return Json.write(json);
                });
        Arbitrary<String> broken = Arbitraries.oneOf(hostileText(), object.map(json -> json.substring(0, json.length() / 2)),
                Arbitraries.of("", "null", "[]", "42", "\"text\"", "{", "{\"a\":}"));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, object), net.jqwik.api.Tuple.of(1, broken))
                .map(body -> new Call(method, url, body, admin));
    }

    private static Arbitrary<Object> hostileValue() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, hostileText().map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Long.MAX_VALUE, -1L, 1e308, -0.0, 3.5).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(true, false).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)),
                net.jqwik.api.Tuple.of(1, hostileText().list().ofMaxSize(4).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, Arbitraries.maps(hostileText(), hostileText()).ofMaxSize(3).map(Object.class::cast)));
    }

    private static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars("\u0000\u0001\u0007\u001b\u007f\u0085\ud800\udfff\u202e\n\t")
                        .ofMinLength(1).ofMaxLength(4).map(controls -> "Jo" + controls + "hn"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(name -> name + "@example.test"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(name -> name + "\u0000@example.test"),
                Arbitraries.of("", " ", "null", "NEWSLETTER", "ACCESS_REQUEST", "en", "fr-CA", "' OR 1=1 --",
                        "<script>alert(1)</script>", "{{siteName}}", "=HYPERLINK(\"http://x\")", "%00", "../../etc/passwd",
                        "😀", "x".repeat(300), "y".repeat(70_000), "2026-02-30", "9999-12-31T23:59:59Z", "+33 6 12 34 56 78",
                        "ZZ", "members", "/", "a/b", "..", "\\", "Ünïcödé Ñame"));
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static long appliedSignups() throws Exception {
        if (ACCEPTED_SIGNUPS.isEmpty()) {
            return 0;
        }
        try (Connection db = stack.ports().database("customer");
             PreparedStatement query = db.prepareStatement(
                     "SELECT count(*) FROM processed_events WHERE consumer = 'capture' AND event_id = ANY(?)")) {
            query.setArray(1, db.createArrayOf("text", new ArrayList<>(ACCEPTED_SIGNUPS).toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static HttpResponse<String> send(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url())).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", "198.51." + ThreadLocalRandom.current().nextInt(256) + "."
                        + ThreadLocalRandom.current().nextInt(1, 255))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        if (call.body() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (call.admin()) {
            request.header("Authorization", "Bearer " + LocalStack.token(SITE));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One request of the run; {@code body} null for none. */
    record Call(String method, String url, String body, boolean admin, String contentType) {

        Call(String method, String url, String body, boolean admin) {
            this(method, url, body, admin, "application/json");
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return method + " " + url + " " + shown;
        }
    }

    /** JSON text in ASCII: every other character escaped, so that half surrogate pairs travel as JSON allows. */
    private static final class Json {

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            switch (value) {
                case null -> out.append("null");
                case String text -> quote(text, out);
                case Map<?, ?> map -> {
                    out.append('{');
                    boolean first = true;
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        out.append(first ? "" : ",");
                        first = false;
                        quote(String.valueOf(entry.getKey()), out);
                        out.append(':');
                        write(entry.getValue(), out);
                    }
                    out.append('}');
                }
                case List<?> list -> {
                    out.append('[');
                    for (int i = 0; i < list.size(); i++) {
                        out.append(i == 0 ? "" : ",");
                        write(list.get(i), out);
                    }
                    out.append(']');
                }
                default -> out.append(value);
            }
        }

        private static void quote(String text, StringBuilder out) {
            out.append('"');
            for (char c : text.toCharArray()) {
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
