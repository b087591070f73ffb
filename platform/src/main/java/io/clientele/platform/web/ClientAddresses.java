package io.clientele.platform.web;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the client a request comes from, for abuse limits and evidence. Forwarding headers are believed
 * only from the proxies the configuration trusts ({@code clientele.web.trusted-proxies}: the gateway, the ingress):
 * the client is the right-most hop of {@code Forwarded} (else {@code X-Forwarded-For}) that is not a trusted proxy,
 * or the socket's peer when that peer is not trusted itself. Anyone else can write those headers, so from anyone
 * else they are ignored. Spring's own forwarded-header support believes every hop, hence this class.
 */
public class ClientAddresses {

    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for=\"?\\[?([^\\]\";,\\s]+)");

    private final List<AddressRange> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(proxy -> !proxy.isEmpty())
                .map(AddressRange::new).toList();
    }

    public String of(ServerHttpRequest request) {
        String peer = peer(request.getRemoteAddress());
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = hops(request.getHeaders());
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (AddressRange.parse(hop) == null) {
                // A hop a proxy we trust wrote, that is not an address (obfuscated, "unknown"): the chain stops there.
                return peer;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            peer = hop;
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = AddressRange.parse(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    private static List<String> hops(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = headers.get("Forwarded");
        if (forwarded != null && !forwarded.isEmpty()) {
            for (String value : forwarded) {
                Matcher matcher = FORWARDED_FOR.matcher(value);
                while (matcher.find()) {
                    hops.add(withoutPort(matcher.group(1)));
                }
            }
            return hops;
        }
        List<String> forwardedFor = headers.get("X-Forwarded-For");
        if (forwardedFor != null) {
            for (String value : forwardedFor) {
                for (String hop : value.split(",")) {
                    if (!hop.isBlank()) {
                        hops.add(withoutPort(hop.trim()));
                    }
                }
            }
        }
        return hops;
    }

    /** {@code 203.0.113.7:4711} is an IPv4 address with a port; an IPv6 address has more than one colon. */
    private static String withoutPort(String hop) {
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    private static String peer(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
