package org.memberdesk.portal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who sent a request, for per-client limits: the socket's remote address, unless that is a trusted
 * reverse proxy; then the last address in X-Forwarded-For that is not itself a trusted proxy (the
 * entries before it are whatever the client chose to send). IPv6 clients count per /64, the block
 * one subscriber usually holds.
 */
final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ClientAddress() {
    }

    /** The key a client's requests are counted under. */
    static String of(String remote, List<String> forwardedFor, List<String> trustedProxies) {
        InetAddress socket = literal(remote);
        if (socket == null) {
            return remote == null ? "unknown" : remote;
        }
        List<Range> trusted = trustedProxies.stream().map(Range::parse).filter(r -> r != null).toList();
        InetAddress client = socket;
        if (trusted.stream().anyMatch(r -> r.contains(socket))) {
            List<String> hops = new ArrayList<>();
            for (String header : forwardedFor) {
                hops.addAll(Arrays.asList(header.split(",")));
            }
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = literal(hops.get(i).strip());
                if (hop == null) {
                    break; // a garbled entry: trust nothing before it
                }
                client = hop;
                if (trusted.stream().noneMatch(r -> r.contains(hop))) {
                    break;
                }
            }
        }
        return key(client);
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            Arrays.fill(bytes, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address.getHostAddress();
    }

    /** An IP literal, or null; never a DNS lookup. */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v6 = t.contains(":") && t.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!v6 && !IPV4.matcher(t).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(t); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** One trusted proxy: an address, or a CIDR range such as 10.0.0.0/8. */
    private record Range(byte[] network, int bits) {

        static Range parse(String text) {
            String t = text.strip();
            int slash = t.indexOf('/');
            InetAddress address = literal(slash < 0 ? t : t.substring(0, slash));
            if (address == null) {
                return null;
            }
            int max = address.getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(t.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (bits < 0 || bits > max) {
                    return null;
                }
            }
            return new Range(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
