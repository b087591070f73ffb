package io.clientele.customer.capture;

/** The answer to a sign-up: the id of the SignupCaptured event that carries it. */
public record SignupAccepted(String eventId) {
}
