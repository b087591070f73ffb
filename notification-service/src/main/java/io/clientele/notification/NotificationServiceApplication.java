package io.clientele.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    public static void main(String[] args) {
        // Jakarta Mail looks its stream provider up through the ServiceLoader for every part it encodes, a scan
        // of the nested jars that profiling showed among the hottest frames of sending; naming it skips the scan.
        System.setProperty("jakarta.mail.util.StreamProvider",
                System.getProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider"));
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
