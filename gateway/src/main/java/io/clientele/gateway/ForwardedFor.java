package io.clientele.gateway;

import java.net.InetSocketAddress;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The {@code X-Forwarded-For} of a call the edge makes for a visitor: the hops the request came through, then the
 * visitor's own address. The services trust the edge, so their abuse limits count the visitor.
 */
public final class ForwardedFor {

    public static final String HEADER = "X-Forwarded-For";

    private ForwardedFor() {
    }

    public static String of(ServerHttpRequest visitor) {
        String earlier = visitor.getHeaders().getFirst(HEADER);
        InetSocketAddress remote = visitor.getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return earlier == null || earlier.isBlank() ? address : earlier + ", " + address;
    }
}
