package org.memberdesk.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import org.memberdesk.persistence.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP server of demo mode: an embedded GreenMail on a free localhost port, one per delivering
 * process. Whatever it receives becomes an .eml file in the shared demo mailbox directory, written
 * to a temporary file and moved into place, so a reader never sees half a message. Nothing is kept
 * in memory and nothing leaves the computer.
 */
public final class DemoMailServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);
    static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path mailbox;
    private final Clock clock;
    private final Set<MovingMessage> written = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));
    private GreenMail greenMail;

    public DemoMailServer(Path mailbox, Clock clock) {
        this.mailbox = mailbox;
        this.clock = clock;
    }

    /** Starts the server on first use; returns its port. */
    public synchronized int ensureStarted() {
        if (greenMail == null) {
            try {
                OwnerOnly.createDirectories(mailbox);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the demo mailbox " + mailbox, e);
            }
            GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.getUserManager().setMessageDeliveryHandler(this::deliver);
            server.start();
            greenMail = server;
            LOG.info("demo mail server listening on 127.0.0.1:{}, mailbox {}", port(), mailbox);
        }
        return port();
    }

    /** Where to send to reach this server, starting it when needed. */
    public MailSettings settings() {
        return MailSettings.demo(ensureStarted());
    }

    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    private int port() {
        return greenMail.getSmtp().getPort();
    }

    public Path mailbox() {
        return mailbox;
    }

    private GreenMailUser deliver(MovingMessage message, MailAddress recipient) throws MessagingException {
        if (written.add(message)) {
            write(message.getMessage());
        }
        return DISCARD;
    }

    private void write(MimeMessage message) throws MessagingException {
        String name = FILE_TIME.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml";
        Path tmp = mailbox.resolve("." + name + ".tmp");
        try {
            OwnerOnly.createFile(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                message.writeTo(out);
            }
            try {
                Files.move(tmp, mailbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, mailbox.resolve(name));
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            // a 4xx to the sender: the outbox will try again
            throw new MessagingException("451 demo mailbox not writable: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** The demo server keeps nothing in memory: the .eml file is the delivery. */
    private static final GreenMailUser DISCARD = new GreenMailUser() {
        @Override
        public String getEmail() {
            return "demo@localhost";
        }

        @Override
        public String getLogin() {
            return "demo";
        }

        @Override
        public void deliver(MovingMessage msg) {
            // already written to the demo mailbox
        }

        @Override
        public void deliver(MimeMessage msg) {
            // already written to the demo mailbox
        }

        @Override
        public void create() {
            // nothing to create
        }

        @Override
        public void delete() {
            // nothing to delete
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setPassword(String password) {
            // no login on the demo server
        }

        @Override
        public void authenticate(String password) {
            // no login on the demo server
        }

        @Override
        public String getQualifiedMailboxName() {
            return "demo";
        }
    };
}
