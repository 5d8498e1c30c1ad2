package org.memberdesk.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the demo mailbox directory, which every process of a data directory writes into. Holds
 * nothing between calls, so it always shows what is on disk now.
 */
public final class DemoMailbox {

    /** One received message as the inbox lists it; {@code id} is its file name. */
    public record Summary(String id, String from, String to, String subject, Instant receivedAt) {
    }

    /** One message opened: both parts and the links a recipient could click. */
    public record Opened(Summary summary, String text, String html, List<String> links) {
    }

    private static final Pattern ID = Pattern.compile("[0-9]{8}T[0-9]{9}Z-[0-9a-f]{8}\\.eml");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final Pattern PUNYCODE_DOMAIN =
            Pattern.compile("@((?:[a-z0-9-]+\\.)*xn--[a-z0-9-]+(?:\\.[a-z0-9-]+)*)", Pattern.CASE_INSENSITIVE);

    private final Path dir;

    public DemoMailbox(Path dir) {
        this.dir = dir;
    }

    /** Newest first. */
    public List<Summary> list() {
        List<Summary> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.eml")) {
            for (Path file : files) {
                String id = file.getFileName().toString();
                if (!ID.matcher(id).matches()) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    InternetHeaders headers = new InternetHeaders(in);
                    all.add(summary(id, headers.getHeader("From", ", "), headers.getHeader("To", ", "),
                            headers.getHeader("Subject", " ")));
                } catch (NoSuchFileException gone) {
                    // removed while we listed
                } catch (IOException | MessagingException e) {
                    all.add(summary(id, null, null, "(unreadable message)"));
                }
            }
        } catch (IOException e) {
            return all;
        }
        all.sort(Comparator.comparing(Summary::id).reversed());
        return all;
    }

    /** Deletes every received message ("Reset demo"); returns how many were deleted. */
    public int clear() {
        int deleted = 0;
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.eml")) {
            for (Path file : files) {
                if (ID.matcher(file.getFileName().toString()).matches() && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot empty the demo inbox " + dir, e);
        }
        return deleted;
    }

    public Optional<Opened> open(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(id);
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            Bodies bodies = new Bodies();
            bodies.collect(message);
            Summary summary = summary(id, message.getHeader("From", ", "), message.getHeader("To", ", "),
                    message.getHeader("Subject", " "));
            return Optional.of(new Opened(summary, bodies.text, bodies.html, links(bodies.text, bodies.html)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("the demo message " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Summary summary(String id, String from, String to, String subject) {
        return new Summary(id, decode(from), unicodeDomains(decode(to)), decode(subject), receivedAt(id));
    }

    /** Internationalised domains travel in punycode; the inbox shows them as the contact's record does. */
    private static String unicodeDomains(String addresses) {
        if (addresses == null) {
            return null;
        }
        return PUNYCODE_DOMAIN.matcher(addresses)
                .replaceAll(m -> Matcher.quoteReplacement("@" + java.net.IDN.toUnicode(m.group(1))));
    }

    private static Instant receivedAt(String id) {
        try {
            return DemoMailServer.FILE_TIME.parse(id.substring(0, 19), Instant::from);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static String decode(String header) {
        if (header == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (UnsupportedEncodingException e) {
            return header;
        }
    }

    static List<String> links(String text, String html) {
        Set<String> found = new LinkedHashSet<>();
        for (String body : new String[] {text, html}) {
            if (body == null) {
                continue;
            }
            Matcher m = LINK.matcher(body);
            while (m.find()) {
                found.add(m.group().replace("&amp;", "&"));
            }
        }
        return List.copyOf(found);
    }

    private static final class Bodies {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
            }
        }
    }
}
