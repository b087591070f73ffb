package io.clientele.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every mail the platform sends, in English and in French, read over IMAP; every link in each of them (the pixel
 * too) is followed as a mail reader's browser would, and must land on a working page.
 */
class MailLinksIT {

    /** Each template's subject, by language: what tells which mail is which. */
    private static final Map<String, Map<String, Pattern>> SUBJECTS = Map.of(
            "access-request-pending", subjects("^New access request on ", "^Nouvelle demande d'accès sur "),
            "access-requests-digest", subjects("^\\d+ new access requests on ", "^\\d+ nouvelles demandes d'accès sur "),
            "access-approved", subjects("^Your access to .* is approved", "^Votre accès à .* est accepté"),
            "access-rejected", subjects("^Your access request on ", "^Votre demande d'accès sur "),
            "invitation", subjects("^You are invited to ", "^Vous êtes invité sur "),
            "password-reset", subjects("^Reset your password on ", "^Réinitialisez votre mot de passe sur "),
            "consent-confirmation", subjects("^Confirm your subscription to ", "^Confirmez votre inscription à "),
            "newsletter-welcome", subjects("^Welcome to the ", "^Bienvenue dans la lettre d'information de "),
            "import-finished", subjects("^Import of .* finished on ", "^Import de .* terminé sur "),
            "email-verification", subjects("^Confirm your e-mail address for ", "^Confirmez votre adresse e-mail pour "));
    private static final HttpClient READER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = RunningStack.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void everyMailOfEveryTemplateLinksOnlyToWorkingPages(String language) throws Exception {
        String site = "mails-" + language;
        SiteOwner owner = new SiteOwner(stack, site);
        owner.createSite("Mails " + language, language);
        owner.protect("members", "members");
        MemberJourney visitors = new MemberJourney(stack.ports(), site);
        // Six requests in a burst: the owner gets five separate mails, then a digest of the rest.
        List<String> requests = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            requests.add(visitors.requestAccess("visitor" + i + "@" + site + ".test", "members"));
        }
        owner.approve(requests.get(0), "members");
        owner.reject(requests.get(1));
        String member = "visitor1@" + site + ".test";
        // The invitation stays unused: a used link's page says it is over (410), which is not what this test follows.
        StackHttp.send(StackHttp.json(stack.edgeUrl() + "/api/v1/sites/" + site + "/password-resets", null, "POST",
                "{\"email\": \"" + member + "\"}"));
        String subscriber = "reader@" + site + ".test";
        StackHttp.send(StackHttp.json(stack.edgeUrl() + "/api/v1/sites/" + site + "/signups", null, "POST",
                "{\"email\": \"" + subscriber + "\", \"channel\": \"NEWSLETTER\", \"optIn\": true}"));
        visitors.confirmSubscription(visitors.confirmationToken(subscriber));
        String app = "app@" + site + ".test";
        StackHttp.send(StackHttp.json(stack.edgeUrl() + "/api/v1/sites/" + site + "/registrations", null, "POST",
                "{\"email\": \"" + app + "\", \"password\": \"an app's long passphrase\"}"));
        Path file = Files.createTempFile("mails", ".csv");
        Files.writeString(file, "Email,First name\nnew@" + site + ".test,Nina\nnot an e-mail,Bad\n");
        StackHttp.send(StackHttp.upload(stack.edgeUrl() + "/api/v1/sites/" + site + "/imports", LocalStack.token(site), file));

        Mailbox mailbox = new Mailbox(stack.ports().imap());
        List<String> readers = List.of(owner.ownerEmail(), member, "visitor2@" + site + ".test", subscriber, app);
        List<Mailbox.Mail> mails = await().atMost(Duration.ofSeconds(120)).until(() -> {
            List<Mailbox.Mail> all = new ArrayList<>();
            for (String reader : readers) {
                all.addAll(mailbox.mails(reader));
            }
            return all;
        }, all -> templates(all, language).size() == SUBJECTS.size());

        assertThat(templates(mails, language)).containsExactlyInAnyOrderElementsOf(SUBJECTS.keySet());
        List<String> broken = new ArrayList<>();
        for (Mailbox.Mail mail : mails) {
            assertThat(mail.headers()).as(mail.subject()).containsEntry("Content-Language", language);
            assertThat(mail.links()).as(mail.subject()).isNotEmpty();
            for (String link : mail.links()) {
                assertThat(link).as(mail.subject()).startsWith(stack.edgeUrl());
                HttpResponse<String> page = READER.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30))
                        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() / 100 != 2) {
                    broken.add(page.statusCode() + " " + link + " (in '" + mail.subject() + "')");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static Set<String> templates(List<Mailbox.Mail> mails, String language) {
        return mails.stream()
                .flatMap(mail -> SUBJECTS.entrySet().stream()
                        .filter(template -> template.getValue().get(language).matcher(mail.subject()).find())
                        .map(Map.Entry::getKey))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Pattern> subjects(String english, String french) {
        return Map.of("en", Pattern.compile(english), "fr", Pattern.compile(french));
    }
}
