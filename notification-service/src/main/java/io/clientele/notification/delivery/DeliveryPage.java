package io.clientele.notification.delivery;

import java.util.List;

/** One page of the delivery log. */
public record DeliveryPage(List<Delivery> items, int limit) {
}
