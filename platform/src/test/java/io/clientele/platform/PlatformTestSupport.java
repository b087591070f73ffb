package io.clientele.platform;

import io.clientele.events.SiteUpdated;
import io.clientele.platform.embedded.SharedInfrastructure;
import io.clientele.platform.embedded.TopicReader;
import io.clientele.platform.outbox.Events;
import io.clientele.platform.testing.ServiceITSupport;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Base of the platform library's integration tests, on {@link PlatformTestApplication}. */
public abstract class PlatformTestSupport extends ServiceITSupport {

    protected static final String TOPIC = "platform-test.sites";

    protected static SiteUpdated site(String siteId, String name) {
        return SiteUpdated.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setSiteId(siteId)
                .setName(name)
                .setOwnerEmail("owner@" + siteId + ".test")
                .setLocale("en")
                .build();
    }

    /** Every record on the topic so far, as raw bytes. */
    protected static List<ConsumerRecord<String, byte[]>> allRecords(String topic) {
        return TopicReader.rawRecords(SharedInfrastructure.get().kafka().bootstrapServers(), topic);
    }
}
