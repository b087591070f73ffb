package io.clientele.customer.group;

/** A group of a site and how many customers are in it. */
public record GroupSize(String name, long members) {
}
