package io.clientele.notification.sms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default SMS sender: sends nothing; the message stays in the delivery log, where the owner can read it. */
public class DeliveryLogSmsSender implements SmsSender {

    @Override
    public void send(String phoneNumber, String text) {
        // Recorded by the dispatcher in the delivery log; no gateway is configured.
    }

    @Configuration(proxyBeanMethods = false)
    static class DefaultSmsSender {

        @Bean
        @ConditionalOnMissingBean(SmsSender.class)
        SmsSender deliveryLogSmsSender() {
            return new DeliveryLogSmsSender();
        }
    }
}
