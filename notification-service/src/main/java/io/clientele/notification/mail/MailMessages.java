package io.clientele.notification.mail;

import io.clientele.notification.site.SiteSettings;
import io.clientele.notification.template.RenderedMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Builds the MIME message of a rendered mail, in the content type the recipient prefers. */
@Component
class MailMessages {

    private final JavaMailSender smtp;
    private final Senders senders;

    MailMessages(JavaMailSender smtp, NotificationProperties properties) {
        this.smtp = smtp;
        this.senders = new Senders(properties.defaultSender(), properties.sendingDomains());
    }

    /** @param unsubscribe a marketing mail's unsubscribe link, which mail clients offer as one click (RFC 8058) */
    MimeMessage create(SiteSettings site, String recipient, RenderedMail rendered, PreparedMail.SentAs sentAs,
                       String unsubscribe) {
        MimeMessage message = smtp.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            Senders.Sender sender = senders.of(site.senderEmail());
            helper.setFrom(sender.from(), site.senderName() != null ? site.senderName() : site.name());
            if (sender.replyTo() != null) {
                helper.setReplyTo(sender.replyTo());
            }
            helper.setTo(recipient);
            helper.setSubject(rendered.subject());
            switch (sentAs) {
                case HTML -> helper.setText(rendered.html(), true);
                case TEXT, SHORT_TEXT -> helper.setText(rendered.text(), false);
                case MULTIPART -> message.setContent(alternative(rendered));
            }
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("Content-Language", rendered.locale());
            if (unsubscribe != null) {
                message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.saveChanges();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("Could not build the mail to " + recipient + ": " + e.getMessage(), e);
        }
        return message;
    }

    private static MimeMultipart alternative(RenderedMail rendered) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        return alternative;
    }
}
