package org.memberdesk.cli;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real GreenMail SMTP server on a free localhost port, and the MEMBERDESK_SMTP_* variables that point at it. */
final class TestSmtp implements AutoCloseable {

    final GreenMail server;

    private TestSmtp(GreenMail server) {
        this.server = server;
    }

    static TestSmtp start() {
        return start(null);
    }

    /** With a user, the server accepts only that login (AUTH over plain SMTP, fine on localhost). */
    static TestSmtp start(GreenMailConfiguration configuration) {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        if (configuration != null) {
            server.withConfiguration(configuration);
        }
        server.start();
        return new TestSmtp(server);
    }

    int port() {
        return server.getSmtp().getPort();
    }

    /** The environment that makes MemberDesk send to this server. */
    Map<String, String> env() {
        return env(port());
    }

    static Map<String, String> env(int port) {
        return Map.of(
                "MEMBERDESK_SMTP_HOST", "127.0.0.1",
                "MEMBERDESK_SMTP_PORT", String.valueOf(port),
                "MEMBERDESK_SMTP_SECURITY", "none",
                "MEMBERDESK_SMTP_FROM", "Support <support@example.com>");
    }

    /** A localhost port nothing listens on (it was free a moment ago): connecting to it is refused. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    /** The messages received for one address. */
    List<MimeMessage> receivedFor(String address) {
        return received().stream().filter(m -> recipients(m).contains(address)).toList();
    }

    static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
