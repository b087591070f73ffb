package io.clientele.customer.customer;

import java.util.List;

/** One page of customers. */
public record CustomerPage(List<Customer> items, int limit) {
}
