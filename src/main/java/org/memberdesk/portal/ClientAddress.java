package org.memberdesk.portal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.memberdesk.service.portal.AddressRange;

/**
 * Who sent a request, for per-client limits: the socket's remote address, unless that is a trusted
 * reverse proxy; then the last address in X-Forwarded-For that is not itself a trusted proxy (the
 * entries before it are whatever the client chose to send). IPv6 clients count per /64, the block
 * one subscriber usually holds.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /** The key a client's requests are counted under. */
    static String of(String remote, List<String> forwardedFor, List<String> trustedProxies) {
        InetAddress socket = literal(remote);
        if (socket == null) {
            return remote == null ? "unknown" : remote;
        }
        List<AddressRange> trusted = trustedProxies.stream().map(AddressRange::parse).flatMap(Optional::stream)
                .toList();
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

    private static InetAddress literal(String text) {
        return AddressRange.literal(text);
    }
}
