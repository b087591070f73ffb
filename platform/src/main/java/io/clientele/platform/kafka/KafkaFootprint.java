package io.clientele.platform.kafka;

import io.clientele.schemas.Topics;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Holds a service to what {@link Topics#CATALOGUE} says it uses, the account the Kafka users of {@code deploy/k8s}
 * are checked against: a write to a topic the catalogue gives to another service is refused, and a service whose
 * listeners differ from the catalogue does not start. A service the catalogue does not know (a library's own test
 * application) may use any topic outside it.
 */
public class KafkaFootprint implements ApplicationListener<ApplicationStartedEvent> {

    private final String service;
    private final boolean catalogued;

    public KafkaFootprint(String service) {
        this.service = service;
        this.catalogued = Topics.CATALOGUE.stream().anyMatch(topic -> topic.writer().equals(service)
                || topic.readers().contains(service) || topic.deadLetterReaders().contains(service));
    }

    /** Refuses, before anything is recorded, an event for a topic this service does not write. */
    public void checkWrite(String topic) {
        boolean allowed = Topics.named(topic).map(known -> known.writer().equals(service)).orElse(!catalogued);
        if (!allowed) {
            throw new IllegalArgumentException(service + " does not write " + topic + ": Topics.CATALOGUE names "
                    + Topics.named(topic).map(Topics.Topic::writer).orElse("no writer") + " as its writer");
        }
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (!catalogued) {
            return;
        }
        Set<String> listened = new TreeSet<>();
        event.getApplicationContext().getBeanProvider(KafkaListenerEndpointRegistry.class).ifAvailable(registry ->
                registry.getAllListenerContainers().forEach(container -> {
                    String[] topics = container.getContainerProperties().getTopics();
                    if (topics != null) {
                        listened.addAll(Arrays.asList(topics));
                    }
                }));
        checkListeners(listened);
    }

    /** Refuses a set of listened topics that is not the catalogue's for this service. */
    void checkListeners(Set<String> listened) {
        Set<String> declared = Topics.listenedToBy(service);
        if (!listened.equals(declared)) {
            throw new IllegalStateException(service + " listens to " + new TreeSet<>(listened) + " but Topics.CATALOGUE says " + declared
                    + ": change the catalogue with the listeners, and the service's KafkaUser in deploy/k8s with it");
        }
    }
}
