package io.clientele.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.events.AccessApproved;
import io.clientele.events.ConsentConfirmationRequested;
import io.clientele.events.ConsentConfirmed;
import io.clientele.events.CustomerCaptured;
import io.clientele.events.AccessRejected;
import io.clientele.events.ContentType;
import io.clientele.events.InvitationIssued;
import io.clientele.events.PasswordResetRequested;
import io.clientele.events.SignupChannel;
import io.clientele.notification.NotificationServiceITSupport;
import io.clientele.platform.link.UnsubscribeTokens;
import io.clientele.platform.outbox.Events;
import io.clientele.schemas.Topics;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CustomerMailsIT extends NotificationServiceITSupport {

    @Autowired
    UnsubscribeTokens unsubscribeTokens;

    private static final Instant IN_A_WEEK = Instant.parse("2030-01-08T10:15:00Z");

    @Test
    void anInvitationCarriesASetPasswordLinkThatIsNeverLoggedNorKept(CapturedOutput output) {
        siteKnown("club", "owner@club.test", "en");
        String token = "invitation-token-" + UUID.randomUUID();
        InvitationIssued invitation = InvitationIssued.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now())
                .setSiteId("club").setCustomerId(UUID.randomUUID().toString()).setEmail("ines@club.test").setFirstName("Inès")
                .setSealedToken(linkSeal.seal(token)).setExpiresAt(IN_A_WEEK).build();

        publish(Topics.ACCESS_EVENTS, invitation.getCustomerId(), invitation);

        MimeMessage mail = theMailTo("ines@club.test");
        assertThat(subject(mail)).isEqualTo("You are invited to The club site");
        assertThat(part(mail, "text/plain"))
                .startsWith("Hello Inès,")
                .contains("https://pages.example.test/sites/club/set-password?token=" + token + "&lang=en")
                .contains("expires on 2030-01-08 10:15 UTC");
        // HTML-escaped, as every value in the HTML part: a mail reader decodes the entity back to "=".
        assertThat(part(mail, "text/html")).contains("href=\"https://pages.example.test/sites/club/set-password?token&#x3D;" + token);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) AS n FROM outgoing_mail WHERE recipient = 'ines@club.test' AND status = 'SENT'") == 1);
        assertThat(count("SELECT count(*) AS n FROM outgoing_mail WHERE params::text LIKE '%" + token + "%'")).isZero();
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void aPasswordResetIsWrittenInTheCustomersLanguage() {
        siteKnown("boutique", "owner@boutique.test", "en");
        String token = "reset-" + UUID.randomUUID();
        PasswordResetRequested reset = PasswordResetRequested.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("boutique").setCustomerId(UUID.randomUUID().toString())
                .setEmail("zoe@boutique.test").setFirstName("Zoé").setLocale("fr").setSealedToken(linkSeal.seal(token))
                .setExpiresAt(IN_A_WEEK).build();

        publish(Topics.ACCESS_EVENTS, reset.getCustomerId(), reset);

        MimeMessage mail = theMailTo("zoe@boutique.test");
        assertThat(subject(mail)).isEqualTo("Réinitialisez votre mot de passe sur The boutique site");
        assertThat(part(mail, "text/plain"))
                .contains("https://pages.example.test/sites/boutique/reset-password?token=" + token + "&lang=fr");
    }

    @Test
    void aSubscriptionConfirmationCarriesItsLinkInTheVisitorsLanguage() {
        siteKnown("atelier", "owner@atelier.test", "en");
        String token = "confirmation-" + UUID.randomUUID();
        ConsentConfirmationRequested request = ConsentConfirmationRequested.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("atelier").setCustomerId(UUID.randomUUID().toString())
                .setEmail("lea@atelier.test").setFirstName("Léa").setLocale("fr").setChannel(SignupChannel.NEWSLETTER)
                .setSealedToken(linkSeal.seal(token)).setExpiresAt(IN_A_WEEK).build();

        publish(Topics.CUSTOMER_EVENTS, request.getCustomerId(), request);

        MimeMessage mail = theMailTo("lea@atelier.test");
        assertThat(subject(mail)).isEqualTo("Confirmez votre inscription à The atelier site");
        assertThat(part(mail, "text/plain")).startsWith("Bonjour Léa,")
                .contains("https://pages.example.test/sites/atelier/confirm-email?token=" + token);
        // The mail reaches the server before it is marked sent, which drops the token it carried.
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) AS n FROM outgoing_mail WHERE customer_id = '"
                + request.getCustomerId() + "' AND status = 'SENT'") == 1);
        assertThat(count("SELECT count(*) AS n FROM outgoing_mail WHERE params::text LIKE '%" + token + "%'")).isZero();
    }

    @Test
    void theNewsletterWelcomeFollowsTheConfirmationNotTheSignupAndOffersOneClickUnsubscribe() throws Exception {
        siteKnown("atelier", "owner@atelier.test", "en");
        String customerId = UUID.randomUUID().toString();
        publish(Topics.CUSTOMER_EVENTS, customerId, CustomerCaptured.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("atelier").setCustomerId(customerId).setEmail("noah@atelier.test")
                .setChannel(SignupChannel.NEWSLETTER).setOptIn(false).setNewCustomer(true)
                .setSignupEventId(Events.newEventId()).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) AS n FROM customers WHERE customer_id = '" + customerId + "'") == 1);
        assertThat(count("SELECT count(*) AS n FROM outgoing_mail WHERE customer_id = '" + customerId + "'")).isZero();

        customerPrefers("atelier", customerId, ContentType.UNKNOWN, null, "en", true);
        publish(Topics.CUSTOMER_EVENTS, customerId, ConsentConfirmed.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Instant.now()).setSiteId("atelier").setCustomerId(customerId).setEmail("noah@atelier.test")
                .setChannel(SignupChannel.NEWSLETTER).build());

        MimeMessage welcome = theMailTo("noah@atelier.test");
        assertThat(subject(welcome)).isEqualTo("Welcome to the The atelier site newsletter");
        String unsubscribe = "https://pages.example.test/sites/atelier/unsubscribe?token="
                + unsubscribeTokens.issue("atelier", UUID.fromString(customerId)) + "&lang=en";
        assertThat(welcome.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(welcome.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(part(welcome, "text/plain")).contains("Unsubscribe: " + unsubscribe)
                .contains("Your preferences: https://pages.example.test/sites/atelier/preferences?token=");
    }

    @Test
    void localesFallBackToTheLanguageThenTheSiteThenEnglish() {
        siteKnown("maison", "owner@maison.test", "fr");
        siteKnown("haus", "owner@haus.test", "de");

        approve("maison", "regional@maison.test", "fr-CA");
        approve("maison", "german-visitor@maison.test", "de");
        approve("haus", "german-visitor@haus.test", "de");

        assertThat(subject(theMailTo("regional@maison.test"))).isEqualTo("Votre accès à The maison site est accepté");
        assertThat(subject(theMailTo("german-visitor@maison.test"))).isEqualTo("Votre accès à The maison site est accepté");
        assertThat(subject(theMailTo("german-visitor@haus.test"))).isEqualTo("Your access to The haus site is approved");
        assertThat(part(theMailTo("regional@maison.test"), "text/plain"))
                .contains("https://pages.example.test/sites/maison/pages/members");
    }

    @Test
    void aRejectionGivesTheReasonAndUserTextIsEscapedInHtml() {
        siteKnown("forum", "owner@forum.test", "en");
        String customerId = UUID.randomUUID().toString();
        customerPrefers("forum", customerId, ContentType.HTML, null, "en", false);
        AccessRejected rejected = AccessRejected.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now())
                .setSiteId("forum").setRequestId(UUID.randomUUID().toString()).setCustomerId(customerId)
                .setEmail("mallory@forum.test").setFirstName("<b>Mallory</b>").setPageId("staff")
                .setReason("<script>alert('x')</script> & co").build();

        publish(Topics.ACCESS_EVENTS, customerId, rejected);

        String html = part(theMailTo("mallory@forum.test"), "text/html");
        assertThat(html).contains("&lt;b&gt;Mallory&lt;/b&gt;").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
                .doesNotContain("<script>").doesNotContain("<b>Mallory");
    }

    private void approve(String siteId, String email, String locale) {
        AccessApproved approved = AccessApproved.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now())
                .setSiteId(siteId).setRequestId(UUID.randomUUID().toString()).setCustomerId(UUID.randomUUID().toString())
                .setEmail(email).setLocale(locale).setPageId("members").setGroups(List.of("members")).build();
        publish(Topics.ACCESS_EVENTS, approved.getCustomerId(), approved);
    }
}
