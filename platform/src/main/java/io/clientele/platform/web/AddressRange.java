package io.clientele.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address or CIDR range, such as {@code 10.0.0.0/8} or {@code ::1}. Spring Security's
 * IpAddressMatcher does the same but implements a servlet interface, which a WebFlux service has no API jar for.
 * Only address literals are parsed, so no text from a request can cause a DNS look-up.
 */
final class AddressRange {

    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefix;

    AddressRange(String range) {
        String[] parts = range.trim().split("/", 2);
        this.network = parse(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("Not an IP address or CIDR range: " + range);
        }
        this.prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("Prefix out of range: " + range);
        }
    }

    /** The address's bytes when it is an IP address literal, otherwise null. */
    static byte[] parse(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return null;
        }
    }

    boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[whole] & mask) == (network[whole] & mask);
    }
}
