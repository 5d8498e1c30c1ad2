package org.memberdesk.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny HTTP/1.1 client over a plain socket: it sends exactly the bytes a test writes (malformed
 * ones too) and can leave from a chosen local address (127.0.0.2, 127.0.0.3, ...), which
 * java.net.http cannot.
 */
final class RawHttp {

    record Response(int status, Map<String, String> headers, String body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
        }

        String csrf() {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no CSRF field on the page:\n" + body);
            }
            return m.group(1);
        }

        /** The CSRF cookie this response set, as "name=value". */
        String csrfCookie() {
            String set = header("Set-Cookie").orElseThrow(() -> new AssertionError("no cookie set"));
            return set.substring(0, set.indexOf(';'));
        }
    }

    private final int port;
    private final String from;

    /** A client of the portal on this port, leaving from the loopback address {@code from}. */
    RawHttp(int port, String from) {
        this.port = port;
        this.from = from;
    }

    Response get(String path) {
        return send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** A form POST: a page's CSRF cookie and field plus these urlencoded fields. */
    Response post(String path, Response page, String form, String... extraHeaders) {
        String body = "_csrf=" + page.csrf() + (form.isEmpty() ? "" : "&" + form);
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Cookie: " + page.csrfCookie() + "\r\n");
        for (String h : extraHeaders) {
            request.append(h).append("\r\n");
        }
        request.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length)
                .append("\r\nConnection: close\r\n\r\n").append(body);
        return send(request.toString());
    }

    /** Sends these bytes as they are and reads the whole answer (the request should say Connection: close). */
    Response send(String raw) {
        return send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    Response send(byte[] raw) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // the server may close hard after answering a bad request: keep what arrived
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] bytes) {
        String head = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("not an HTTP response: " + head);
        }
        List<String> lines = List.of(head.substring(0, end).split("\r\n"));
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                    line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String ascii = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = ascii.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return out.toByteArray();
            }
            int size = Integer.parseInt(ascii.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
    }
}
