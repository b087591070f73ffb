package io.clientele.access.check;

/** Why a customer may or may not see a page. */
public enum AccessReason {
    /** The page is not protected: anyone may see it. */
    NOT_PROTECTED,
    /** Logged in, active, and in one of the page's allowed groups. */
    MEMBER,
    /** No session token, or one that is invalid, expired, for another site, or ended. */
    NOT_LOGGED_IN,
    /** The customer's account is deactivated. */
    INACTIVE,
    /** Logged in, but in none of the allowed groups; the owner has not decided their access request yet. */
    PENDING_REQUEST,
    /** Logged in, but in none of the allowed groups. */
    NOT_IN_ALLOWED_GROUP
}
