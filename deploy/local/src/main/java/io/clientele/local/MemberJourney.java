package io.clientele.local;

import static io.clientele.local.StackHttp.json;
import static io.clientele.local.StackHttp.request;
import static io.clientele.local.StackHttp.send;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A visitor's way to a protected page through a running stack's public and admin APIs, as the README's walkthrough
 * tells it: ask for access, be approved by the owner, set a password from the invitation e-mail, log in.
 */
final class MemberJourney {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INVITATION_TOKEN = linkToken("set-password");
    private static final Pattern CONFIRMATION_TOKEN = linkToken("confirm-email");

    private final LocalStackPorts ports;
    private final String site;
    private final String adminToken;

    MemberJourney(LocalStackPorts ports, String site) {
        this.ports = ports;
        this.site = site;
        this.adminToken = LocalStack.token(site);
    }

    void createSite() throws Exception {
        send(json(customer(""), adminToken, "PUT", """
                {"name": "Site %s", "ownerEmail": "owner@%s.test", "locale": "en"}""".formatted(site, site)));
    }

    void protect(String pageId, String group) throws Exception {
        send(json(access("/pages/" + pageId), adminToken, "PUT", "{\"groups\": [\"" + group + "\"]}"));
    }

    /** Signs the visitor up for the page and answers the id of the access request the owner then sees. */
    String requestAccess(String email, String pageId) throws Exception {
        return requestAccess(email, "Mia", null, pageId);
    }

    /** The same, for a visitor who gives a first and a last name. */
    String requestAccess(String email, String firstName, String lastName, String pageId) throws Exception {
        send(json(customer("/signups"), null, "POST", """
                {"email": "%s", "firstName": "%s"%s, "channel": "ACCESS_REQUEST", "pageId": "%s"}"""
                .formatted(email, firstName, lastName == null ? "" : ", \"lastName\": \"" + lastName + "\"", pageId)));
        return poll(Duration.ofSeconds(30), () -> {
            for (JsonNode request : JSON.readTree(send(request(access("/access-requests?status=PENDING"), adminToken))).get("items")) {
                if (request.get("email").asString().equals(email) && request.get("pageId").asString().equals(pageId)) {
                    return request.get("id").asString();
                }
            }
            return null;
        });
    }

    void approve(String requestId, String group) throws Exception {
        send(json(access("/access-requests/" + requestId + "/approve"), adminToken, "POST",
                "{\"groups\": [\"" + group + "\"], \"invite\": true}"));
    }

    /** The token of the set-password link in the newest invitation e-mail the visitor received. */
    String invitationToken(String email) throws Exception {
        return newestToken(email, INVITATION_TOKEN);
    }

    /** The token of the link in the newest subscription confirmation (double opt-in) the visitor received. */
    String confirmationToken(String email) throws Exception {
        return newestToken(email, CONFIRMATION_TOKEN);
    }

    /** Follows a double opt-in's link, as its page does. */
    void confirmSubscription(String token) throws Exception {
        send(json(customer("/consent-confirmations"), null, "POST", "{\"token\": \"" + token + "\"}"));
    }

    private static Pattern linkToken(String page) {
        return Pattern.compile(page + "\\?token=([A-Za-z0-9_-]{43})");
    }

    private String newestToken(String email, Pattern tokenLink) throws Exception {
        return poll(Duration.ofSeconds(30), () -> {
            String token = null;
            for (String body : inbox(email)) {
                Matcher link = tokenLink.matcher(body);
                if (link.find()) {
                    token = link.group(1);
                }
            }
            return token;
        });
    }

    void setPassword(String token, String password) throws Exception {
        send(json(access("/password"), null, "POST", "{\"token\": \"" + token + "\", \"password\": \"" + password + "\"}"));
    }

    /** Logs in and answers the session token. */
    String logIn(String email, String password) throws Exception {
        return JSON.readTree(send(json(access("/sessions"), null, "POST",
                "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"))).get("token").asString();
    }

    /** The access check's answer for the page, as JSON. */
    JsonNode check(String pageId, String sessionToken) throws Exception {
        return JSON.readTree(send(request(access("/pages/" + pageId + "/access"), sessionToken)));
    }

    private String customer(String path) {
        return "http://localhost:" + ports.customer() + "/api/v1/sites/" + site + path;
    }

    private String access(String path) {
        return "http://localhost:" + ports.access() + "/api/v1/sites/" + site + path;
    }

    /** The text of every message in the user's inbox. */
    private List<String> inbox(String user) throws Exception {
        return new Mailbox(ports.imap()).mails(user).stream().map(mail -> mail.text() + mail.html()).toList();
    }

    interface Attempt<T> {
        T get() throws Exception;
    }

    private static <T> T poll(Duration timeout, Attempt<T> attempt) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T result = attempt.get();
            if (result != null) {
                return result;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting after " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
