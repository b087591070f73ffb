package io.clientele.notification.sms;

/**
 * Sends a short text to a phone number. Provide a bean of this type to send through an SMS gateway; without one,
 * {@link DeliveryLogSmsSender} only records the message in the delivery log.
 */
public interface SmsSender {

    /** @throws SmsRefusedException when the gateway refuses the message (it is tried again later) */
    void send(String phoneNumber, String text);
}
