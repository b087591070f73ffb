package io.clientele.platform.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private final UnsubscribeTokens tokens = new UnsubscribeTokens("a-secret-of-at-least-thirty-two-characters");
    private final UUID customer = UUID.randomUUID();

    @Test
    void aTokenNamesItsCustomerOnItsSiteOnly() {
        String token = tokens.issue("acme", customer);

        assertThat(tokens.verify("acme", token)).contains(customer);
        assertThat(tokens.verify("other", token)).isEmpty();
        assertThat(new UnsubscribeTokens("another-secret-of-at-least-thirty-two-chars").verify("acme", token)).isEmpty();
    }

    @Test
    void anAlteredOrMalformedTokenNamesNobody() {
        String token = tokens.issue("acme", customer);
        String otherCustomer = UUID.randomUUID() + token.substring(36);

        assertThat(tokens.verify("acme", otherCustomer)).isEmpty();
        assertThat(tokens.verify("acme", token.substring(0, token.length() - 1) + "x")).isEmpty();
        assertThat(tokens.verify("acme", "not-a-token")).isEmpty();
        assertThat(tokens.verify("acme", null)).isEmpty();
        assertThat(tokens.verify("acme", "x".repeat(36) + "." + "y".repeat(43))).isEmpty();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new UnsubscribeTokens("short")).isInstanceOf(IllegalStateException.class);
    }
}
