package org.memberdesk.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntPredicate;

/**
 * An SMTP server for crash tests: any number of connections at once, keeps the subject of every
 * message it receives, and after a message's data may hold its reply back (the sender waits as if
 * the server were slow) until {@link #releaseHeld()}. A held message counts as received: a real
 * server may have queued it, so the sender must count it as possibly delivered.
 */
final class HoldingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> subjects = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);
    private volatile IntPredicate holdAfter = received -> false;

    HoldingSmtpServer() throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "holding-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Asked with the number received so far (this one included) after each message: hold its reply? */
    void holdWhen(IntPredicate decision) {
        this.holdAfter = decision;
    }

    /** Waits until a reply is being held. */
    boolean awaitHolding(long seconds) throws InterruptedException {
        return holding.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Lets held connections go (closed without a reply) and holds nothing more. */
    void releaseHeld() {
        holdAfter = received -> false;
        release.countDown();
    }

    synchronized List<String> subjects() {
        return List.copyOf(subjects);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread talker = new Thread(() -> talk(client), "holding-smtp-connection");
                talker.setDaemon(true);
                talker.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void talk(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
            say(out, "220 holding.example.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO" -> say(out, "250 holding.example.test");
                    case "DATA" -> {
                        say(out, "354 End data with <CR><LF>.<CR><LF>");
                        String subject = null;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (subject == null && line.startsWith("Subject: ")) {
                                subject = line.substring("Subject: ".length());
                            }
                        }
                        if (line == null) {
                            return;
                        }
                        int received;
                        synchronized (this) {
                            subjects.add(subject);
                            received = subjects.size();
                        }
                        if (holdAfter.test(received)) {
                            holding.countDown();
                            release.await();
                            return;
                        }
                        say(out, "250 2.0.0 Ok: queued");
                    }
                    case "QUIT" -> {
                        say(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> say(out, "250 2.0.0 Ok");
                }
            }
        } catch (IOException e) {
            // the client went away (killed)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(Writer out, String reply) throws IOException {
        out.write(reply + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        releaseHeld();
        socket.close();
    }
}
