package io.clientele.local;

import static io.clientele.local.StackHttp.json;
import static io.clientele.local.StackHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.platform.security.SiteRole;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The owner console in a real headless Chromium, signed in through the development identity provider as the demo
 * site's collaborators: finding a customer by an accented name, an owner's mail link to a pending request that is
 * approved into a group, and a viewer who is shown nothing that writes and whose writes the services refuse.
 */
class ConsoleIT {

    private static final String SITE = LocalStack.DEMO_SITE;
    /** What the console looks like, as README shows it. */
    private static final java.nio.file.Path SCREENSHOTS = java.nio.file.Path.of("target/console-screenshots");
    private static LocalStack stack;
    private static Mailbox mailbox;

    @BeforeAll
    static void start() {
        stack = RunningStack.get();
        mailbox = new Mailbox(stack.ports().imap());
    }

    @Test
    void anOwnerSignsInFindsACustomerByAnAccentedNameOpensTheProfileAndSignsOut() throws Exception {
        String customerId = createCustomer("Hélène", "Dupré-Lefèvre", "helene.console@demo.test");
        send(json(api("/customers/" + customerId + "/notes"), LocalStack.token(SITE), "POST", "{\"text\": \"Called about the gala\"}"));
        try (Browser browser = Browser.start()) {
            signIn(browser, "/admin", SiteRole.OWNER);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/sites/demo/customers");
            assertThat(browser.heading()).isEqualTo("Customers");
            assertThat(browser.styled()).as("the console's stylesheet applies").isTrue();
            assertThat(browser.driver().findElements(By.linkText("New customer"))).hasSize(1);
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            // Typed without its accents, in the name alone.
            browser.type("q", "helene dupre");
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("field"))).selectByValue("name");
            browser.driver().findElement(By.cssSelector("form[role=search] button")).click();
            browser.waitUntil(page -> page.findElements(By.cssSelector(".htmx-request")).isEmpty()
                    && page.findElements(By.cssSelector("#results tbody tr")).stream()
                    .anyMatch(row -> row.getText().contains("helene.console@demo.test")));
            assertThat(browser.text("results")).contains("1 customer").contains("Hélène Dupré-Lefèvre");
            browser.screenshot(SCREENSHOTS.resolve("console-overview.png"));
            browser.waitUntil(page -> {
                page.findElement(By.cssSelector("#results a.pencil[aria-label='Open helene.console@demo.test']")).click();
                return true;
            });

            browser.waitUntil(page -> page.getCurrentUrl().endsWith("/customers/" + customerId));
            assertThat(browser.heading()).isEqualTo("Hélène Dupré-Lefèvre");
            browser.screenshot(SCREENSHOTS.resolve("console-profile.png"));
            assertThat(browser.driver().findElement(By.cssSelector(".notes")).getText())
                    .contains("Called about the gala").contains("local-owner");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            // A note written in the console is the signed-in person's.
            browser.type("text", "Sent the programme");
            browser.driver().findElement(By.cssSelector("form[action$='/notes'] button")).click();
            browser.waitUntil(page -> page.findElement(By.cssSelector(".notes")).getText().contains("Sent the programme"));
            assertThat(browser.driver().findElement(By.cssSelector(".notes")).getText()).contains(LocalStack.DEMO_OWNER);

            browser.driver().findElement(By.linkText("Access and groups")).click();
            browser.waitUntil(page -> page.getCurrentUrl().endsWith("tab=access"));
            browser.driver().findElement(By.xpath("//button[text()='Invite to set a password']")).click();
            browser.waitUntil(page -> page.getCurrentUrl().endsWith("sent=invitation"));
            assertThat(browser.driver().findElement(By.cssSelector(".sent")).getText())
                    .startsWith("An invitation to set a password is on its way to helene.console@demo.test");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            await().atMost(Duration.ofSeconds(90)).until(() -> mailbox.mails("helene.console@demo.test").stream()
                    .anyMatch(found -> found.subject().startsWith("You are invited to ")));

            browser.driver().findElement(By.linkText("Details")).click();
            browser.waitUntil(page -> page.getCurrentUrl().endsWith("tab=details"));
            assertThat(browser.driver().findElement(By.cssSelector(".details")).getText()).contains("helene.console@demo.test")
                    .contains("E-mail marketing opt-in\nNo");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            // Her opt-in, given on paper, recorded by hand with how she gave it, and by whom.
            browser.type("evidence", "Signed the form at the gala");
            browser.driver().findElement(By.xpath("//button[text()='Record the opt-in to e-mail marketing']")).click();
            browser.waitUntil(page -> page.findElement(By.cssSelector(".details")).getText().contains("E-mail marketing opt-in\nYes"));
            assertThat(send(StackHttp.request(api("/customers/" + customerId + "/consent"), LocalStack.token(SITE))))
                    .contains("Signed the form at the gala").contains("\"recordedBy\":\"" + LocalStack.DEMO_OWNER + "\"");

            // In French, at the collaborator's choice, and it stays so.
            browser.driver().findElement(By.linkText("Français")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("html")).getAttribute("lang").equals("fr"));
            assertThat(browser.driver().findElement(By.linkText("Détails")).getAttribute("aria-current")).isEqualTo("page");
            browser.driver().findElement(By.linkText("Clients")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Clients"));
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            // Signing out ends the provider's session too: the console asks to sign in again.
            browser.driver().findElement(By.cssSelector("form[action='/logout'] button")).click();
            browser.waitUntil(page -> page.getCurrentUrl().startsWith(stack.identityUrl() + "/login"));
        }
    }

    @Test
    void anOwnerOpensThePendingRequestFromTheirMailSignsInAndApprovesItIntoAGroup() throws Exception {
        send(json(api("/pages/lounge"), LocalStack.token(SITE), "PUT", "{\"groups\": [\"patrons\"]}"));
        String visitor = "margot.console@demo.test";
        new MemberJourney(stack.ports(), SITE).requestAccess(visitor, "Margot", "Lécuyer", "lounge");
        Mailbox.Mail mail = await().atMost(Duration.ofSeconds(90)).until(() -> mailbox.mails(LocalStack.DEMO_OWNER).stream()
                .filter(found -> found.subject().contains(visitor)).findFirst().orElse(null), found -> found != null);
        String link = mail.link("/admin/sites/demo/access-requests/");

        try (Browser browser = Browser.start()) {
            signIn(browser, link.replace(stack.edgeUrl(), ""), SiteRole.OWNER);
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(link);
            assertThat(browser.heading()).isEqualTo("Access request");
            assertThat(browser.driver().findElement(By.cssSelector(".details")).getText())
                    .contains("Margot Lécuyer").contains(visitor).contains("lounge").contains("Pending");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            browser.type("newGroup", "vip");
            browser.driver().findElement(By.cssSelector("form[action$='/approve'] button")).click();
            browser.waitUntil(page -> page.findElement(By.cssSelector("dd.status")).getText().equals("Approved"));
            assertThat(browser.driver().findElement(By.cssSelector(".details")).getText())
                    .contains("Decided by\n" + LocalStack.DEMO_OWNER).contains("vip");
            assertThat(browser.driver().findElements(By.cssSelector("form[action$='/approve']"))).isEmpty();

            // The customer is in the group, as their profile's Access and groups tab shows.
            String customerId = new SiteOwner(stack, SITE).customer(visitor).get("id").asString();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                browser.open(stack.edgeUrl() + "/admin/sites/demo/customers/" + customerId + "?tab=access");
                assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("vip");
            });
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.driver().findElement(By.linkText("Access requests")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Access requests"));
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        }
    }

    @Test
    void theImportFinishedMailOpensTheImportWhoseFailureReportDownloads() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("console-import", ".csv");
        java.nio.file.Files.writeString(file, "Email,First name\nnoor.console@demo.test,Noor\nnot an e-mail,Bad\n");
        send(StackHttp.upload(api("/imports"), LocalStack.token(SITE), file));
        Mailbox.Mail mail = await().atMost(Duration.ofSeconds(120)).until(() -> mailbox.mails(LocalStack.DEMO_OWNER).stream()
                .filter(found -> found.subject().contains(file.getFileName().toString())).findFirst().orElse(null),
                found -> found != null);
        String link = mail.links().stream().filter(found -> found.contains("/imports/") && !found.contains("failures"))
                .findFirst().orElseThrow();

        try (Browser browser = Browser.start()) {
            signIn(browser, link.replace(stack.edgeUrl(), ""), SiteRole.EDITOR);
            assertThat(browser.heading()).isEqualTo("Import");
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains(file.getFileName().toString()).contains("The import is finished")
                    .contains("2 rows uploaded: 1 new, 0 updated, 0 unchanged, 1 with problems.");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            String report = browser.driver().findElement(By.partialLinkText("Download the failure report")).getAttribute("href");
            Object downloaded = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength)));""",
                    report);
            assertThat(String.valueOf(downloaded))
                    .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ")
                    .doesNotEndWith(" 0");
        }
    }

    @Test
    void aViewerSeesNoButtonThatWritesAndTheServicesRefuseTheirWrites() throws Exception {
        String customerId = createCustomer("Zoë", "Viewer", "zoe.console@demo.test");
        try (Browser browser = Browser.start()) {
            signIn(browser, "/admin/sites/demo/customers/" + customerId, SiteRole.VIEWER);
            assertThat(browser.heading()).isEqualTo("Zoë Viewer");
            assertThat(browser.driver().findElement(By.cssSelector(".role")).getText()).isEqualTo("viewer");
            assertThat(browser.driver().findElements(By.cssSelector("main form"))).isEmpty();
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.open(stack.edgeUrl() + "/admin/sites/demo/customers");
            assertThat(browser.driver().findElements(By.linkText("New customer"))).isEmpty();

            // A write the page does not offer, posted all the same: the service refuses the viewer's token.
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = arguments[0];
                    for (const [name, value] of [['_csrf', document.querySelector('input[name=_csrf]').value], ['text', 'Not mine to write']]) {
                        const input = document.createElement('input');
                        input.type = 'hidden'; input.name = name; input.value = value;
                        form.appendChild(input);
                    }
                    document.body.appendChild(form);
                    form.submit();""", "/admin/sites/demo/customers/" + customerId + "/notes");
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Not open to you"));
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        }
        assertThat(send(StackHttp.request(api("/customers/" + customerId), LocalStack.token(SITE)))).doesNotContain("Not mine");
    }

    /** Opens a console address, which asks to sign in first, and signs in as the demo site's collaborator. */
    private void signIn(Browser browser, String consolePath, SiteRole role) {
        List<String> collaborator = LocalStack.DEMO_COLLABORATORS.get(role);
        browser.open(stack.edgeUrl() + consolePath);
        browser.waitUntil(page -> page.getCurrentUrl().startsWith(stack.identityUrl() + "/login"));
        browser.type("username", collaborator.get(0));
        browser.type("password", collaborator.get(1));
        browser.submit();
        browser.waitUntil(page -> page.getCurrentUrl().startsWith(stack.edgeUrl() + "/admin"));
    }

    private String createCustomer(String firstName, String lastName, String email) throws Exception {
        String created = send(json(api("/customers"), LocalStack.token(SITE), "POST", """
                {"firstName": "%s", "lastName": "%s", "email": "%s"}""".formatted(firstName, lastName, email)));
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(created).get("id").asString();
    }

    private static String api(String path) {
        return stack.edgeUrl() + "/api/v1/sites/" + SITE + path;
    }
}
