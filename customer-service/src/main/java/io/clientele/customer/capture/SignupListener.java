package io.clientele.customer.capture;

import io.clientele.events.SignupCaptured;
import io.clientele.platform.consumer.IdempotentConsumer;
import io.clientele.schemas.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class SignupListener {

    private final IdempotentConsumer consumer;
    private final CaptureService capture;

    SignupListener(IdempotentConsumer consumer, CaptureService capture) {
        this.consumer = consumer;
        this.capture = capture;
    }

    @KafkaListener(topics = Topics.CUSTOMER_SIGNUPS)
    void on(SignupCaptured signup) {
        consumer.applyOnceNow("capture", signup.getEventId(), () -> capture.capture(signup));
    }
}
