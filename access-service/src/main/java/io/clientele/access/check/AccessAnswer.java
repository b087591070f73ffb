package io.clientele.access.check;

/** Whether the page may be shown, and why. */
public record AccessAnswer(boolean allowed, AccessReason reason) {

    static AccessAnswer of(AccessReason reason) {
        return new AccessAnswer(reason.allows(), reason);
    }
}
