package io.clientele.access.check;

/** Whether the page may be shown, and why. */
public record AccessAnswer(boolean allowed, AccessReason reason) {

    static AccessAnswer allow(AccessReason reason) {
        return new AccessAnswer(true, reason);
    }

    static AccessAnswer deny(AccessReason reason) {
        return new AccessAnswer(false, reason);
    }
}
