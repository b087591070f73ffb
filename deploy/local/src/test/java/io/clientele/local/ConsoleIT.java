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
 * approved into a group, a spreadsheet whose unknown columns are mapped before it is imported, an AND/OR filter
 * saved, renamed, copied and exported and its customers deleted in a batch, two duplicates merged field by field
 * and the customer erased, and a viewer who is shown nothing that writes and whose writes the services refuse.
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
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            // A customer created with "+ More options" in one step: a new group, the opt-in, a note and an invitation.
            browser.driver().findElement(By.linkText("New customer")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("New customer"));
            browser.type("firstName", "Nils");
            browser.type("lastName", "Onestep");
            browser.type("email", "nils.console@demo.test");
            browser.driver().findElement(By.tagName("summary")).click();
            browser.type("newGroups", "Gala guests");
            browser.click("optedIn");
            browser.type("evidence", "Signed at the door");
            browser.type("note", "Wants the programme");
            browser.click("invite");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.driver().findElement(By.cssSelector("form[action$='/customers/new'] > button[type=submit]")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Nils Onestep"));
            assertThat(browser.driver().findElement(By.cssSelector(".notes")).getText()).contains("Wants the programme")
                    .contains(LocalStack.DEMO_OWNER);
            await().atMost(Duration.ofSeconds(90)).until(() -> mailbox.mails("nils.console@demo.test").stream()
                    .anyMatch(found -> found.subject().startsWith("You are invited to ")));
            browser.driver().findElement(By.linkText("Details")).click();
            browser.waitUntil(page -> page.getCurrentUrl().endsWith("tab=details"));
            assertThat(browser.driver().findElement(By.cssSelector(".details")).getText()).contains("Gala guests")
                    .contains("E-mail marketing opt-in\nYes");
            browser.open(stack.edgeUrl() + "/admin/sites/demo/customers");

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
            assertThat(downloaded(browser, report))
                    .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ")
                    .doesNotEndWith(" 0");
        }
    }

    @Test
    void anEditorUploadsASpreadsheetMapsItsUnknownColumnsWatchesItFinishAndDownloadsTheFailureReport() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("mitglieder", ".xlsx");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file);
             org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Tabellen", "1.0")) {
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Mitglieder");
            List<List<String>> rows = List.of(List.of("E-Mail", "Vorname", "Mitgliedsnummer", "Notiz"),
                    List.of("jonas.mapped@demo.test", "Jonas", "M-7731", "call back"),
                    List.of("not an address", "Lena", "M-7732", ""));
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    sheet.value(r, c, rows.get(r).get(c));
                }
            }
        }
        try (Browser browser = Browser.start()) {
            signIn(browser, "/admin/sites/demo/imports", SiteRole.EDITOR);
            assertThat(browser.heading()).isEqualTo("Import / Export");
            assertThat(downloaded(browser, browser.driver().findElement(By.linkText("Show XLSX file example")).getAttribute("href")))
                    .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            browser.driver().findElement(By.id("file")).sendKeys(file.toString());
            browser.driver().findElement(By.cssSelector("form[enctype='multipart/form-data'] button")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Check the columns"));
            String mapping = browser.driver().findElement(By.tagName("main")).getText();
            assertThat(mapping).contains(file.getFileName().toString()).contains("The file has 2 customer rows.")
                    .contains("jonas.mapped@demo.test").contains("M-7731");
            assertThat(chosen(browser, "column-0")).isEqualTo("email");
            assertThat(browser.driver().findElements(By.xpath("//span[starts-with(text(), 'Not recognised')]"))).hasSize(3);
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            choose(browser, "column-1", "firstName");
            choose(browser, "column-2", "externalId");
            browser.driver().findElement(By.xpath("//button[text()='Import 2 customers']")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Import")
                    && page.findElement(By.tagName("main")).getText().contains("The import is finished"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("2 rows uploaded: 1 new, 0 updated, 0 unchanged, 1 with problems.");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            // What a running import's page follows: import-service's progress events, through the console.
            String events = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(location.pathname + '/events').then(r => r.text().then(t => done(r.headers.get('content-type') + '\\n' + t)));""");
            assertThat(events).startsWith("text/event-stream").contains("event:progress").contains("\"status\":\"FINISHED\"");
            assertThat(downloaded(browser, browser.driver().findElement(By.partialLinkText("Download the failure report"))
                    .getAttribute("href"))).startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ");
        }
        String imported = send(StackHttp.request(api("/customers?q=jonas.mapped@demo.test"), LocalStack.token(SITE)));
        assertThat(imported).contains("\"firstName\":\"Jonas\"").contains("M-7731").doesNotContain("call back");
    }

    @Test
    void anOwnerBuildsAnAndOrFilterSavesRenamesAndCopiesItExportsWhatItFindsAndDeletesThoseCustomers() throws Exception {
        String marker = "gala-" + Long.toString(System.nanoTime(), 36);
        createCustomer("""
                {"firstName": "Aline", "lastName": "Filtre", "email": "aline.%1$s@demo.test", "country": "FR", "tags": ["%1$s"]}"""
                .formatted(marker));
        createCustomer("""
                {"firstName": "Bodo", "lastName": "Filter", "email": "bodo.%1$s@demo.test", "country": "DE", "tags": ["%1$s"]}"""
                .formatted(marker));
        createCustomer("""
                {"firstName": "Cara", "lastName": "Filter", "email": "cara.%1$s@demo.test", "country": "GB",
                 "organization": "Gala Friends", "tags": ["%1$s"]}""".formatted(marker));
        try (Browser browser = Browser.start()) {
            signIn(browser, "/admin/sites/demo/filters", SiteRole.OWNER);
            assertThat(browser.heading()).isEqualTo("Filters");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            // Tagged with the marker, AND (from France OR of an organization with "gala" in its name).
            condition(browser, "0.0", "tags", "hasAny", marker);
            browser.driver().findElement(By.xpath("//button[text()='Add a group']")).click();
            browser.waitUntil(page -> !page.findElements(By.id("1.0.field")).isEmpty());
            choose(browser, "1-match", "ANY");
            condition(browser, "1.0", "country", "eq", "fr");
            browser.driver().findElements(By.xpath("//button[text()='Add a condition']")).get(1).click();
            browser.waitUntil(page -> !page.findElements(By.id("1.1.field")).isEmpty());
            condition(browser, "1.1", "organization", "contains", "gala");
            browser.driver().findElement(By.xpath("//p[@class='actions']/button[text()='Show customers']")).click();
            browser.waitUntil(page -> !page.findElements(By.id("found")).isEmpty());
            assertThat(browser.text("found")).contains("2 customers").contains("aline." + marker).contains("cara." + marker)
                    .doesNotContain("bodo." + marker);
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.screenshot(SCREENSHOTS.resolve("console-filters.png"));

            browser.type("name", "Gala or France " + marker);
            browser.driver().findElement(By.xpath("//button[text()='Save as a new filter']")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Gala or France " + marker));
            String saved = browser.driver().getCurrentUrl();
            assertThat(browser.text("found")).contains("2 customers");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            browser.type("rename", "Gala or France, renamed " + marker);
            browser.driver().findElement(By.xpath("//button[text()='Rename']")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Gala or France, renamed " + marker));
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(saved);

            browser.type("copy", "Copy " + marker);
            browser.driver().findElement(By.xpath("//button[text()='Copy']")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Copy " + marker));
            String copy = browser.driver().getCurrentUrl();
            assertThat(copy).isNotEqualTo(saved);
            assertThat(browser.driver().findElement(By.cssSelector("nav.saved")).getText())
                    .contains("Gala or France, renamed " + marker).contains("Copy " + marker);
            assertThat(chosen(browser, "1.0.field")).isEqualTo("country");

            String exported = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + '\\n' + t)));""",
                    browser.driver().findElement(By.linkText("Export what it finds (CSV)")).getAttribute("href"));
            assertThat(exported).startsWith("200 text/csv").contains("aline." + marker).contains("cara." + marker)
                    .doesNotContain("bodo." + marker);

            // A batch change of what the filter finds: a tag added to both.
            browser.driver().findElement(By.xpath("//button[text()='Change these customers']")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Change customers"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("2 customers will be changed.");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.type("addTags", "thanked");
            browser.driver().findElement(By.xpath("//button[text()='Change 2 customers']")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Batch change")
                    && page.findElement(By.tagName("main")).getText().contains("2 of 2 customers changed, 0 failed."));
            assertThat(send(StackHttp.request(api("/customers?q=cara." + marker), LocalStack.token(SITE)))).contains("thanked");
            browser.open(copy);
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Copy " + marker));

            // The batch deletion counts first, and runs when the statement is ticked and a reason given.
            browser.driver().findElement(By.xpath("//button[text()='Delete these customers']")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Delete customers"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("2 customers will be deleted.")
                    .contains("I understand that these 2 customers will be deleted");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.click("statement");
            browser.type("reason", "They asked us to forget them at the gala");
            browser.driver().findElement(By.xpath("//button[text()='Delete 2 customers']")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Batch deletion")
                    && page.findElement(By.tagName("main")).getText().contains("2 of 2 customers deleted, 0 failed."));
            assertThat(browser.driver().findElement(By.cssSelector(".details")).getText())
                    .contains(LocalStack.DEMO_OWNER).contains("They asked us to forget them at the gala");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        }
        String left = send(StackHttp.request(api("/customers?q=" + marker), LocalStack.token(SITE)));
        assertThat(left).contains("bodo." + marker).doesNotContain("aline." + marker).doesNotContain("cara." + marker);
    }

    @Test
    void anOwnerMergesTwoDuplicatesFieldByFieldProtectsAPageReadsTheDeliveryLogAndErasesTheCustomer() throws Exception {
        String marker = Long.toString(System.nanoTime(), 36);
        String phone = "+33 6 " + (10 + (int) (System.nanoTime() % 89)) + " " + (10 + (int) (System.nanoTime() / 7 % 89)) + " 45 67";
        String first = createCustomer("""
                {"firstName": "Léa", "lastName": "Doublon", "email": "lea.%s@demo.test", "phone": "%s", "country": "FR",
                 "organization": "Old Org"}""".formatted(marker, phone));
        String second = createCustomer("""
                {"firstName": "Lea", "lastName": "Doublon", "email": "lea.bis.%s@demo.test", "phone": "%s", "country": "FR",
                 "organization": "New Org"}""".formatted(marker, phone));
        try (Browser browser = Browser.start()) {
            signIn(browser, "/admin/sites/demo/duplicates", SiteRole.OWNER);
            assertThat(browser.heading()).isEqualTo("Duplicates");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            WebElement set = browser.driver().findElements(By.cssSelector("section.duplicate")).stream()
                    .filter(section -> section.getText().contains("lea." + marker)).findFirst().orElseThrow();
            assertThat(set.getText()).startsWith("The same phone number").contains("lea.bis." + marker);
            set.findElement(By.linkText("Compare and merge")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Merge two customers"));
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            // Whichever is kept, the organization is the newer one's.
            browser.driver().findElement(By.xpath("//label[text()='New Org']")).click();
            String kept = browser.driver().findElement(By.cssSelector("input[name=keep]")).getAttribute("value");
            String merged = kept.equals(first) ? second : first;
            browser.driver().findElement(By.xpath("//button[starts-with(text(), 'Merge ')]")).click();
            browser.waitUntil(page -> page.getCurrentUrl().endsWith("/customers/" + kept + "?tab=details"));
            assertThat(browser.driver().findElement(By.cssSelector(".details")).getText()).contains("New Org")
                    .doesNotContain("Old Org");
            assertThat(StackHttp.status(StackHttp.request(api("/customers/" + merged), LocalStack.token(SITE)))).isEqualTo(404);

            browser.open(stack.edgeUrl() + "/admin/sites/demo/groups");
            assertThat(browser.heading()).isEqualTo("Groups and protected pages");
            browser.type("pageId", "backstage-" + marker);
            browser.type("allowed", "crew");
            browser.driver().findElement(By.xpath("//button[text()='Protect']")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("main")).getText().contains("backstage-" + marker + " crew"));
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.driver().findElement(By.cssSelector("button[aria-label='Open backstage-" + marker + " to everyone']")).click();
            browser.waitUntil(page -> !page.findElement(By.tagName("main")).getText().contains("backstage-" + marker));

            // The invitation mailed to the customer shows in the delivery log.
            String email = kept.equals(first) ? "lea." + marker + "@demo.test" : "lea.bis." + marker + "@demo.test";
            send(json(api("/customers/" + kept + "/invitations"), LocalStack.token(SITE), "POST", "{}"));
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                browser.open(stack.edgeUrl() + "/admin/sites/demo/deliveries?recipient=" + email);
                assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("You are invited to").contains("Sent");
            });
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            browser.open(stack.edgeUrl() + "/admin/sites/demo/customers/" + kept + "?tab=details");
            browser.click("eraseStatement");
            browser.driver().findElement(By.xpath("//button[text()=\"Erase this customer's personal data\"]")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Erasure of personal data")
                    && page.findElement(By.cssSelector("dd.status")).getText().startsWith("Complete"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("access-service")
                    .contains("notification-service");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
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

            // A viewer chooses their own overview's columns all the same: Organization first.
            browser.driver().findElement(By.linkText("Choose the columns")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Columns of the overview"));
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            choose(browser, "added", "organization");
            browser.driver().findElement(By.xpath("//button[text()='Add']")).click();
            browser.waitUntil(page -> columnsChosen(page).equals(List.of("First name", "Last name", "E-mail", "Groups", "Organization")));
            for (int moved = 0; moved < 4; moved++) {
                int at = 3 - moved;
                browser.driver().findElement(By.cssSelector("button[aria-label='Move Organization up']")).click();
                browser.waitUntil(page -> columnsChosen(page).indexOf("Organization") == at);
            }
            browser.driver().findElement(By.linkText("All customers")).click();
            browser.waitUntil(page -> page.findElement(By.tagName("h1")).getText().equals("Customers"));
            assertThat(browser.driver().findElements(By.cssSelector("#results thead th")).stream().map(WebElement::getText)
                    .toList()).startsWith("Organization", "First name", "Last name", "E-mail", "Groups");

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

    /** Sets a filter condition: its field first, which makes the page offer that field's operators. */
    private static void condition(Browser browser, String at, String field, String op, String value) {
        choose(browser, at + ".field", field);
        browser.waitUntil(page -> new org.openqa.selenium.support.ui.Select(page.findElement(By.id(at + ".op"))).getOptions()
                .stream().map(option -> option.getAttribute("value")).toList().contains(op)
                && page.findElements(By.cssSelector(".htmx-request")).isEmpty());
        choose(browser, at + ".op", op);
        browser.type(at + ".value", value);
    }

    private static List<String> columnsChosen(org.openqa.selenium.WebDriver page) {
        return page.findElements(By.cssSelector("ol.columns li span")).stream().map(WebElement::getText).toList();
    }

    private static void choose(Browser browser, String id, String value) {
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }

    private static String chosen(Browser browser, String id) {
        return new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id(id))).getFirstSelectedOption()
                .getAttribute("value");
    }

    /** Fetches a download as the signed-in browser: its status, type and size. */
    private static String downloaded(Browser browser, String url) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength)));""",
                url));
    }

    private String createCustomer(String firstName, String lastName, String email) throws Exception {
        return createCustomer("""
                {"firstName": "%s", "lastName": "%s", "email": "%s"}""".formatted(firstName, lastName, email));
    }

    private String createCustomer(String customer) throws Exception {
        String created = send(json(api("/customers"), LocalStack.token(SITE), "POST", customer));
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(created).get("id").asString();
    }

    private static String api(String path) {
        return stack.edgeUrl() + "/api/v1/sites/" + SITE + path;
    }
}
