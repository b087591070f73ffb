package io.clientele.notification.customer;

/** How a customer wants to be reached. */
public record CustomerContact(String customerId, String email, String smsNumber, String locale, String contentType,
                              boolean marketingOptIn) {
}
