package io.clientele.access.link;

/** What a single-use link lets its holder do: set a first password, or reset a forgotten one. */
public enum LinkPurpose {
    INVITATION, PASSWORD_RESET
}
