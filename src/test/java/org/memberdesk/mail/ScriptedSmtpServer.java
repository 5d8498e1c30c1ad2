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
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny SMTP server that answers RCPT TO with a scripted reply ("550 5.1.1 ...", "451 4.3.0 ..."). */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String rcptReply;
    private final Thread thread;
    final AtomicInteger accepted = new AtomicInteger();

    public ScriptedSmtpServer(String rcptReply) throws IOException {
        this.rcptReply = rcptReply;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                talk(client);
            } catch (IOException e) {
                // closed, or the client went away
            }
        }
    }

    private void talk(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        say(out, "220 scripted.example.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
            switch (command) {
                case "EHLO", "HELO" -> say(out, "250 scripted.example.test");
                case "MAIL" -> say(out, "250 2.1.0 Ok");
                case "RCPT" -> say(out, rcptReply);
                case "DATA" -> {
                    say(out, "354 End data with <CR><LF>.<CR><LF>");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // swallow the message
                    }
                    accepted.incrementAndGet();
                    say(out, "250 2.0.0 Ok: queued");
                }
                case "QUIT" -> {
                    say(out, "221 2.0.0 Bye");
                    return;
                }
                default -> say(out, "250 2.0.0 Ok");
            }
        }
    }

    private static void say(Writer out, String reply) throws IOException {
        out.write(reply + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
