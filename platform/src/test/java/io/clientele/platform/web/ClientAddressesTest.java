package io.clientele.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "127.0.0.1"));

    @Test
    void aClientThatIsNotATrustedProxyIsItsOwnAddressWhateverItsHeadersSay() {
        assertThat(addresses.of(from("198.51.100.9").header("X-Forwarded-For", "203.0.113.1").build()))
                .isEqualTo("198.51.100.9");
        assertThat(addresses.of(from("198.51.100.9").header("Forwarded", "for=203.0.113.1").build()))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightMostUntrustedHop() {
        // The visitor wrote a forged first hop; the ingress (10.1.2.3) appended the address it saw.
        assertThat(addresses.of(from("10.1.2.3").header("X-Forwarded-For", "1.2.3.4, 203.0.113.7, 10.9.9.9").build()))
                .isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("127.0.0.1")
                .header("Forwarded", "for=1.2.3.4, for=\"[2001:db8::17]:4711\";proto=https").build()))
                .isEqualTo("2001:db8::17");
        assertThat(addresses.of(from("10.1.2.3").header("X-Forwarded-For", "203.0.113.7:5123").build()))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void withoutHeadersOrWithOnlyTrustedHopsTheLeftMostKnownAddressIsTaken() {
        assertThat(addresses.of(from("10.1.2.3").build())).isEqualTo("10.1.2.3");
        assertThat(addresses.of(from("10.1.2.3").header("X-Forwarded-For", "10.4.4.4").build())).isEqualTo("10.4.4.4");
        assertThat(addresses.of(from("10.1.2.3").header("X-Forwarded-For", "unknown, 10.4.4.4").build()))
                .isEqualTo("10.4.4.4");
    }

    @Test
    void withNoTrustedProxyConfiguredHeadersAreNeverBelieved() {
        ClientAddresses none = new ClientAddresses(List.of());
        assertThat(none.of(from("127.0.0.1").header("X-Forwarded-For", "203.0.113.1").build())).isEqualTo("127.0.0.1");
    }

    private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
        return MockServerHttpRequest.post("/api/v1/sites/acme/sessions").remoteAddress(new InetSocketAddress(peer, 40000));
    }
}
