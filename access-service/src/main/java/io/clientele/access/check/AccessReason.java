package io.clientele.access.check;

/** Why a customer may or may not see a page. */
public enum AccessReason {
    /** The page is not protected: anyone may see it. */
    NOT_PROTECTED(true),
    /** Logged in, active, and in one of the page's allowed groups. */
    MEMBER(true),
    /** No session token, or one that is invalid, expired, for another site, or ended. */
    NOT_LOGGED_IN(false),
    /** The customer's account is deactivated. */
    INACTIVE(false),
    /** Logged in, but in none of the allowed groups; the owner has not decided their access request yet. */
    PENDING_REQUEST(false),
    /** Logged in, but in none of the allowed groups. */
    NOT_IN_ALLOWED_GROUP(false);

    private final boolean allows;

    AccessReason(boolean allows) {
        this.allows = allows;
    }

    public boolean allows() {
        return allows;
    }
}
