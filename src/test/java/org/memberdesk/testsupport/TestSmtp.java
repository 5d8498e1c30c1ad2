package org.memberdesk.testsupport;

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
import org.memberdesk.mail.MailSettingsStore;

/** A real GreenMail SMTP server on a free localhost port, and the MEMBERDESK_SMTP_* variables that point at it. */
public final class TestSmtp implements AutoCloseable {

    public final GreenMail server;

    private TestSmtp(GreenMail server) {
        this.server = server;
    }

    public static TestSmtp start() {
        return start(null);
    }

    /** With a user, the server accepts only that login (AUTH over plain SMTP, fine on localhost). */
    public static TestSmtp start(GreenMailConfiguration configuration) {
        return new TestSmtp(startServer(0, configuration));
    }

    /** A started GreenMail SMTP server on 127.0.0.1; port 0 picks a free one. */
    public static GreenMail startServer(int port) {
        return startServer(port, null);
    }

    private static GreenMail startServer(int port, GreenMailConfiguration configuration) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        if (configuration != null) {
            server.withConfiguration(configuration);
        }
        server.start();
        return server;
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** The environment that makes MemberDesk send to this server. */
    public Map<String, String> env() {
        return env(port());
    }

    /** The environment that makes MemberDesk send to plain SMTP on a localhost port. */
    public static Map<String, String> env(int port) {
        return Map.of(
                MailSettingsStore.ENV_HOST, "127.0.0.1",
                MailSettingsStore.ENV_PORT, String.valueOf(port),
                MailSettingsStore.ENV_SECURITY, "none",
                MailSettingsStore.ENV_FROM, "Support <support@example.com>");
    }

    /** A localhost port nothing listens on (it was free a moment ago): connecting to it is refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    /** The messages received for one address. */
    public List<MimeMessage> receivedFor(String address) {
        return received().stream().filter(m -> recipients(m).contains(address)).toList();
    }

    public static String recipients(MimeMessage message) {
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
