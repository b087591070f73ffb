package io.clientele.local;

import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user's inbox on the local stack's mail server, read over IMAP as a mail reader would. */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private final int imapPort;

    public Mailbox(int imapPort) {
        this.imapPort = imapPort;
    }

    /** A received mail: its subject, headers, plain text and HTML. */
    public record Mail(String subject, Map<String, String> headers, String text, String html) {

        /** Every address the mail links to, in its text and its HTML (images included), once each. */
        public Set<String> links() {
            Set<String> links = new LinkedHashSet<>();
            for (String body : List.of(text, html.replace("&#x3D;", "=").replace("&amp;", "&"))) {
                Matcher link = LINK.matcher(body);
                while (link.find()) {
                    links.add(link.group());
                }
            }
            return links;
        }

        /** The first link to a page whose address contains the given part. */
        public String link(String containing) {
            return links().stream().filter(link -> link.contains(containing)).findFirst()
                    .orElseThrow(() -> new AssertionError("No link with " + containing + " in the mail '" + subject + "'"));
        }
    }

    public List<Mail> mails(String user) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("localhost", imapPort, user, "any password");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header header : Collections.list(message.getAllHeaders())) {
                    headers.putIfAbsent(header.getName(), header.getValue());
                }
                mails.add(new Mail(message.getSubject(), headers, text(message, "text/plain"), text(message, "text/html")));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }

    private static String text(Part part, String type) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i), type));
            }
            return text.toString();
        }
        return part.isMimeType(type) && part.getContent() instanceof String text ? text : "";
    }
}
