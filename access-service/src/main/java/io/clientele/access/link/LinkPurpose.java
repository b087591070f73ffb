package io.clientele.access.link;

/** What a single-use link lets its holder do: set a first password, reset a forgotten one, or verify a registration. */
public enum LinkPurpose {
    INVITATION, PASSWORD_RESET, EMAIL_VERIFICATION
}
