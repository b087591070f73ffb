package io.clientele.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The hosted pages in a real headless Chromium, through the edge, as visitors use them: from a site's own page on
 * another origin to the owner's inbox, from the invitation in the visitor's inbox to the protected page, a reset link
 * used twice, and a French subscriber's way from a plain form to the unsubscribe link and the one-click POST.
 */
class HostedPagesIT {

    private static final String PAGE = "members";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static LocalStack stack;
    private static SitePages sitePages;
    private static Browser browser;
    private static Mailbox mailbox;

    @BeforeAll
    static void start() throws Exception {
        stack = RunningStack.get();
        sitePages = SitePages.start(stack.edgeUrl(), PAGE);
        browser = Browser.start();
        mailbox = new Mailbox(stack.ports().imap());
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        sitePages.close();
    }

    @Test
    void aVisitorAsksFromTheSitesOwnPageSetsAPasswordFromTheInvitationLogsInAndIsAMember() throws Exception {
        SiteOwner owner = new SiteOwner(stack, "gallery");
        owner.createSite("The Gallery", "en", sitePages.origin());
        owner.protect(PAGE, "members");

        // The site's page, on its own origin, posts the sign-up through the edge: the preflight passes (CORS).
        browser.open(sitePages.url("gallery", "ask.html"));
        browser.type("email", "ada@gallery.test");
        browser.type("firstName", "Ada");
        browser.click("send");
        browser.waitUntil(page -> !browser.text("result").isEmpty());
        assertThat(browser.text("result")).isEqualTo("202");
        assertThat(awaitMail(owner.ownerEmail(), "New access request").subject())
                .isEqualTo("New access request on The Gallery from Ada <ada@gallery.test>");

        owner.approve(owner.pendingRequest("ada@gallery.test"), "members");
        browser.open(awaitMail("ada@gallery.test", "invited").link("/set-password"));
        assertThat(browser.heading()).isEqualTo("Choose your password");
        assertThat(browser.accessibilityViolations()).isEmpty();
        assertThat(browser.styled()).as("the page's stylesheet applies").isTrue();
        browser.type("password", "short");
        browser.type("confirmPassword", "short");
        browser.submit();
        assertThat(browser.text("password-error")).startsWith("Choose another password");
        assertThat(browser.driver().findElement(By.id("password")).getAttribute("aria-describedby")).isEqualTo("password-error");
        browser.type("password", "a gallery of quiet rooms");
        browser.type("confirmPassword", "a gallery of quiet rooms");
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Your password is saved");

        // The protected page sends a visitor without a session to the log-in page, which sends them back.
        browser.open(sitePages.url("gallery", "members.html"));
        browser.waitUntil(page -> browser.text("access").equals("NOT_LOGGED_IN"));
        browser.click("login-link");
        assertThat(browser.heading()).isEqualTo("Log in");
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.type("email", "ada@gallery.test");
        browser.type("password", "a gallery of quiet rooms");
        browser.submit();
        browser.waitUntil(page -> page.getCurrentUrl().startsWith(sitePages.origin()) && browser.text("access").equals("MEMBER"));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("clientele-session");
    }

    @Test
    void aResetLinkChoosesANewPasswordOnceAndThenSaysItWasUsed() throws Exception {
        SiteOwner owner = new SiteOwner(stack, "studio");
        owner.createSite("Studio", "en", sitePages.origin());
        owner.protect(PAGE, "members");
        MemberJourney journey = new MemberJourney(stack.ports(), "studio");
        owner.approve(journey.requestAccess("bo@studio.test", PAGE), "members");
        journey.setPassword(journey.invitationToken("bo@studio.test"), "the first long passphrase");

        browser.open(stack.edgeUrl() + "/sites/studio/log-in");
        browser.driver().findElement(By.linkText("Forgot your password?")).click();
        browser.type("email", "bo@studio.test");
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Check your mailbox");
        String reset = awaitMail("bo@studio.test", "password").link("/reset-password");

        browser.open(reset);
        assertThat(browser.heading()).isEqualTo("Choose a new password");
        browser.type("password", "the second long passphrase");
        browser.type("confirmPassword", "the second long passphrase");
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Your password is saved");

        browser.open(reset);
        assertThat(browser.heading()).isEqualTo("This link cannot be used any more");
        assertThat(browser.driver().findElement(By.linkText("Ask for a new link")).getAttribute("href"))
                .endsWith("/sites/studio/forgot-password?lang=en");
        assertThat(journey.logIn("bo@studio.test", "the second long passphrase")).isNotBlank();
    }

    @Test
    void aFrenchSubscriberConfirmsFromAPlainFormThenUnsubscribesByTheLinkAndByOneClick() throws Exception {
        SiteOwner owner = new SiteOwner(stack, "atelier-fr");
        owner.createSite("L'Atelier", "en", sitePages.origin());

        browser.open(sitePages.url("atelier-fr", "newsletter.html?lang=fr"));
        browser.type("email", "lea@atelier-fr.test");
        browser.click("optIn");
        browser.click("subscribe");
        browser.waitUntil(page -> page.getCurrentUrl().startsWith(stack.edgeUrl()));
        assertThat(browser.heading()).isEqualTo("Merci");

        browser.open(awaitMail("lea@atelier-fr.test", "Confirmez").link("/confirm-email"));
        assertThat(browser.heading()).isEqualTo("Confirmez votre adresse e-mail");
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Votre adresse est confirmée");

        Mailbox.Mail welcome = awaitMail("lea@atelier-fr.test", "Bienvenue");
        String unsubscribe = welcome.link("/unsubscribe");
        assertThat(welcome.headers()).containsEntry("List-Unsubscribe", "<" + unsubscribe + ">")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String customer = "/customers/" + owner.customer("lea@atelier-fr.test").get("id").asString();
        assertThat(owner.get(customer).get("marketingOptIn").asBoolean()).isTrue();

        browser.open(unsubscribe);
        assertThat(browser.heading()).isEqualTo("Se désabonner");
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Vous êtes désabonné");
        assertThat(owner.get(customer).get("marketingOptIn").asBoolean()).isFalse();

        browser.open(welcome.link("/preferences"));
        browser.click("optedIn-yes");
        browser.submit();
        assertThat(browser.text("saved")).isEqualTo("Votre choix est enregistré.");
        assertThat(owner.get(customer).get("marketingOptIn").asBoolean()).isTrue();

        // A mail client's one-click unsubscribe (RFC 8058): a POST to the header's address, no page, no cookie.
        HttpResponse<String> oneClick = StackHttp.HTTP.send(HttpRequest.newBuilder(URI.create(unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(owner.get(customer).get("marketingOptIn").asBoolean()).isFalse();
        List<String> sources = owner.get(customer + "/consent").valueStream().map(entry -> entry.get("source").asString()).toList();
        assertThat(sources).containsSubsequence("unsubscribe", "preferences", "unsubscribe", "newsletter");
    }

    @Test
    void anAppRegistersWithAPasswordThatCountsOnceTheMailedLinkIsFollowedThenKeepsAndEndsItsSession() throws Exception {
        new SiteOwner(stack, "app-club").createSite("App Club", "en", sitePages.origin());
        String api = stack.edgeUrl() + "/api/v1/sites/app-club";
        HttpResponse<String> weak = post(api + "/registrations", "{\"email\": \"kim@app-club.test\", \"password\": \"short\"}", null);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("password");
        assertThat(post(api + "/registrations", """
                {"email": "kim@app-club.test", "password": "an app's long passphrase", "firstName": "Kim"}""", null)
                .statusCode()).isEqualTo(202);

        browser.open(awaitMail("kim@app-club.test", "Confirm your e-mail address").link("/verify-email"));
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Your address is confirmed");

        HttpResponse<String> login = post(api + "/sessions", """
                {"email": "kim@app-club.test", "password": "an app's long passphrase"}""", null);
        assertThat(login.statusCode()).isEqualTo(200);
        tools.jackson.databind.JsonNode session = JSON.readTree(login.body());
        HttpResponse<String> renewed = post(api + "/sessions/refresh",
                "{\"refreshToken\": \"" + session.get("refreshToken").asString() + "\"}", null);
        assertThat(renewed.statusCode()).isEqualTo(200);
        String token = JSON.readTree(renewed.body()).get("token").asString();
        HttpResponse<String> current = StackHttp.HTTP.send(HttpRequest.newBuilder(URI.create(api + "/sessions/current"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(current.body()).get("email").asString()).isEqualTo("kim@app-club.test");
        HttpResponse<String> logout = StackHttp.HTTP.send(HttpRequest.newBuilder(URI.create(api + "/sessions/current"))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(post(api + "/sessions/refresh", "{\"refreshToken\": \"" + JSON.readTree(renewed.body())
                .get("refreshToken").asString() + "\"}", null).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> post(String url, String json, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return StackHttp.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anotherOriginGetsNoCorsAnswerAndTheAdminApiIsNotOpenedToTheSitesOwn() throws Exception {
        new SiteOwner(stack, "guarded").createSite("Guarded", "en", sitePages.origin());
        HttpResponse<String> stranger = preflight("https://stranger.test", "/signups");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> own = preflight(sitePages.origin(), "/signups");
        assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).contains(sitePages.origin());
        assertThat(own.headers().allValues("Vary")).contains("Origin");
        HttpResponse<String> admin = preflight(sitePages.origin(), "/customers");
        assertThat(admin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpResponse<String> preflight(String origin, String path) throws Exception {
        return StackHttp.HTTP.send(HttpRequest.newBuilder(URI.create(stack.edgeUrl() + "/api/v1/sites/guarded" + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Mailbox.Mail awaitMail(String user, String subjectPart) {
        return await().atMost(Duration.ofSeconds(90)).until(() -> mailbox.mails(user).stream()
                .filter(mail -> mail.subject().contains(subjectPart)).reduce((first, last) -> last).orElse(null),
                mail -> mail != null);
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
