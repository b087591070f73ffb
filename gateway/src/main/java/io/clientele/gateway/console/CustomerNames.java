package io.clientele.gateway.console;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How the console names a customer: their name, else their e-mail address. */
final class CustomerNames {

    private CustomerNames() {
    }

    static String of(Map<String, Object> customer) {
        String name = Stream.of(customer.get("firstName"), customer.get("lastName")).filter(Objects::nonNull)
                .map(String::valueOf).filter(part -> !part.isBlank()).collect(Collectors.joining(" "));
        return name.isBlank() ? String.valueOf(customer.getOrDefault("email", customer.get("id"))) : name;
    }
}
