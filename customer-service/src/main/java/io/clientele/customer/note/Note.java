package io.clientele.customer.note;

import java.time.Instant;

/** A note about a customer: who wrote it, when, and what. */
public record Note(long id, String author, String text, Instant createdAt) {
}
