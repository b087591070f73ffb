package io.clientele.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.events.AccessRequested;
import io.clientele.events.ImportFinished;
import io.clientele.events.NotificationSent;
import io.clientele.events.SiteUpdated;
import io.clientele.notification.NotificationServiceITSupport;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OwnerMailsIT extends NotificationServiceITSupport {

    @Test
    void theOwnerIsToldOnceOfAPendingAccessRequest() throws Exception {
        publish(Topics.SITE_EVENTS, "gallery", site("gallery", "curator@gallery.test"));
        AccessRequested requested = requested("gallery", "Grace", "Hopper");

        publish(Topics.ACCESS_EVENTS, requested.getCustomerId(), requested);
        publish(Topics.ACCESS_EVENTS, requested.getCustomerId(), requested);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("curator@gallery.test"), m -> !m.isEmpty())
                .getFirst();
        assertThat(mail.getSubject()).isEqualTo("New access request on The gallery site from Grace Hopper <grace@visitors.test>");
        assertThat(mail.getFrom()[0].toString()).contains("The gallery team");
        String body = part(mail, "text/plain");
        assertThat(body).contains("asked for access to the page \"vault\"")
                .contains("https://admin.example.test/sites/gallery/access-requests/" + requested.getRequestId());

        http.get().uri("/api/v1/sites/gallery/notifications").headers(h -> h.setBearerAuth(tokenFor("gallery"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].status").isEqualTo("SENT")
                .jsonPath("$.items[0].recipient").isEqualTo("curator@gallery.test")
                .jsonPath("$.items[0].template").isEqualTo("access-request-pending")
                .jsonPath("$.items[0].attempts").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(Topics.NOTIFICATION_EVENTS))
                .anySatisfy(record -> assertThat(record.value()).isInstanceOfSatisfying(NotificationSent.class,
                        sent -> assertThat(sent.getRecipient()).isEqualTo("curator@gallery.test"))));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(mailsTo("curator@gallery.test")).as("no second e-mail").hasSize(1));
    }

    @Test
    void aRequestThatArrivesBeforeTheSiteSettingsWaitsForThem() {
        AccessRequested requested = requested("late-site", "Alan", "Turing");
        publish(Topics.ACCESS_EVENTS, requested.getCustomerId(), requested);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(count(
                "SELECT count(*) AS n FROM outgoing_mail WHERE site_id = 'late-site' AND attempts > 0 AND status = 'QUEUED'"))
                .isEqualTo(1));
        assertThat(mailsTo("owner@late-site.test")).isEmpty();

        publish(Topics.SITE_EVENTS, "late-site", site("late-site", "owner@late-site.test"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo("owner@late-site.test")).hasSize(1));
    }

    @Test
    void theOwnerIsToldWhenAnImportFinishesWithALinkToTheFailedRowsWhenSomeFailed() throws Exception {
        siteKnown("importer", "owner@importer.test", "en");

        publish(Topics.IMPORT_EVENTS, "import-1", finished("importer", "import-1", 3));
        publish(Topics.IMPORT_EVENTS, "import-2", finished("importer", "import-2", 0));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("owner@importer.test").size() == 2);
        MimeMessage withFailures = mailsTo("owner@importer.test").stream()
                .filter(mail -> part(mail, "text/plain").contains("import-1")).findFirst().orElseThrow();
        assertThat(withFailures.getSubject()).isEqualTo("Import of customers.xlsx finished on The importer site");
        assertThat(part(withFailures, "text/plain"))
                .contains("12 created, 5 updated, 1 unchanged, 3 failed")
                .contains("https://admin.example.test/sites/importer/imports/import-1/failures.xlsx");
        MimeMessage withoutFailures = mailsTo("owner@importer.test").stream()
                .filter(mail -> part(mail, "text/plain").contains("import-2")).findFirst().orElseThrow();
        assertThat(part(withoutFailures, "text/plain")).doesNotContain("failures.xlsx");
    }

    @Test
    void theOwnerIsWrittenToInTheSiteLanguage() throws Exception {
        siteKnown("atelier", "owner@atelier.test", "fr");

        publish(Topics.IMPORT_EVENTS, "import-fr", finished("atelier", "import-fr", 0));

        MimeMessage mail = theMailTo("owner@atelier.test");
        assertThat(mail.getSubject()).isEqualTo("Import de customers.xlsx terminé sur The atelier site");
        assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("fr");
    }

    private static ImportFinished finished(String siteId, String importId, long failed) {
        return ImportFinished.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now()).setSiteId(siteId)
                .setImportId(importId).setFileName("customers.xlsx").setCreated(12).setUpdated(5).setUnchanged(1)
                .setFailed(failed).build();
    }

    @Test
    void aBurstOfAccessRequestsReachesTheOwnerAsAFewMailsAndOneDigest() throws Exception {
        publish(Topics.SITE_EVENTS, "burst", site("burst", "owner@burst.test"));
        for (int visitor = 0; visitor < 8; visitor++) {
            AccessRequested requested = requested("burst", "Visitor" + visitor, "Burst");
            publish(Topics.ACCESS_EVENTS, requested.getCustomerId(), requested);
        }

        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("owner@burst.test"),
                received -> received.size() == 4);
        assertThat(mails).extracting(mail -> subject(mail)).filteredOn(subject -> subject.startsWith("New access request"))
                .hasSize(3);
        MimeMessage digest = mails.stream().filter(mail -> subject(mail).startsWith("5 new access requests")).findFirst()
                .orElseThrow();
        assertThat(part(digest, "text/plain")).contains("visitor7@visitors.test").contains("to the page \"vault\"")
                .contains("https://admin.example.test/sites/burst/access-requests?status=PENDING");
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo("owner@burst.test").size() == 4);
    }

    @Test
    void aSiteThatAsksForEveryMailGetsThemAllSeparately() {
        SiteUpdated everyOne = site("every", "owner@every.test");
        everyOne.setOwnerMailDigest(false);
        publish(Topics.SITE_EVENTS, "every", everyOne);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) AS n FROM sites WHERE site_id = 'every' AND NOT owner_mail_digest") == 1);
        for (int visitor = 0; visitor < 6; visitor++) {
            AccessRequested requested = requested("every", "Visitor" + visitor, "Every");
            publish(Topics.ACCESS_EVENTS, requested.getCustomerId(), requested);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("owner@every.test").size() == 6);
    }

    static AccessRequested requested(String siteId, String firstName, String lastName) {
        return AccessRequested.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setRequestId(UUID.randomUUID().toString())
                .setCustomerId(UUID.randomUUID().toString())
                .setPageId("vault")
                .setEmail(firstName.toLowerCase() + "@visitors.test")
                .setFirstName(firstName)
                .setLastName(lastName)
                .build();
    }

    @Test
    void aSitesSenderIsTheFromOnlyInADomainThePlatformSendsFor() throws Exception {
        SiteUpdated own = site("sendsown", "owner@sendsown.test");
        own.setSenderEmail("hello@mail.clientele.test");
        SiteUpdated foreign = site("sendsforeign", "owner@sendsforeign.test");
        foreign.setSenderEmail("ceo@bank.test");
        publish(Topics.SITE_EVENTS, "sendsown", own);
        publish(Topics.SITE_EVENTS, "sendsforeign", foreign);
        AccessRequested toOwn = requested("sendsown", "Ada", "Lovelace");
        AccessRequested toForeign = requested("sendsforeign", "Alan", "Turing");

        publish(Topics.ACCESS_EVENTS, toOwn.getCustomerId(), toOwn);
        publish(Topics.ACCESS_EVENTS, toForeign.getCustomerId(), toForeign);

        MimeMessage fromOwn = theMailTo("owner@sendsown.test");
        assertThat(((InternetAddress) fromOwn.getFrom()[0]).getAddress()).isEqualTo("hello@mail.clientele.test");
        assertThat(fromOwn.getHeader("Reply-To")).isNull();
        MimeMessage fromForeign = theMailTo("owner@sendsforeign.test");
        assertThat(((InternetAddress) fromForeign.getFrom()[0]).getAddress()).isEqualTo("no-reply@clientele.localhost");
        assertThat(((InternetAddress) fromForeign.getReplyTo()[0]).getAddress()).isEqualTo("ceo@bank.test");
    }
}
