package io.clientele.notification.sms;

/** The SMS gateway refused a message. */
public class SmsRefusedException extends RuntimeException {

    public SmsRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
