package org.memberdesk.mail;

import jakarta.activation.DataSource;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;

/**
 * A delivery status notification (RFC 3464) as Angus Mail's DSN support reads it: the Message-ID of
 * the message it reports on (from the returned message or its headers), the addresses the report
 * was delivered to (where a VERP return path shows), and one line per recipient.
 *
 * @param originalMessageId the reported message's Message-ID, or null when the report returns neither
 *                          the message nor its headers
 * @param deliveredTo       the addresses the report itself was sent to (To, Delivered-To, X-Original-To)
 */
public record DeliveryReport(String originalMessageId, Set<String> deliveredTo, List<Recipient> recipients) {

    /**
     * What the report says about one recipient.
     *
     * @param action     failed, delayed, delivered, relayed or expanded
     * @param status     the RFC 3463 status ("5.1.1"), without its comment
     * @param diagnostic the remote server's words without their type ("550 5.1.1 user unknown"), or null
     */
    public record Recipient(String address, String action, String status, String diagnostic) {

        /** A permanent failure: the report's action is failed, with a 5.x.x status. */
        public boolean permanentFailure() {
            return "failed".equals(action) && status != null && status.startsWith("5.");
        }
    }

    private static final Pattern STATUS = Pattern.compile("(\\d)\\.\\d{1,3}\\.\\d{1,3}");
    private static final String[] DELIVERED_TO = {"Delivered-To", "X-Original-To", "Envelope-To"};

    /** The report a message carries, or empty when it is not a delivery status report. */
    public static Optional<DeliveryReport> of(MimeMessage message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        if (reportType == null || !reportType.equalsIgnoreCase("delivery-status")) {
            return Optional.empty();
        }
        MultipartReport report = report(message);
        DeliveryStatus status = report.getDeliveryStatus();
        if (status == null) {
            return Optional.empty();
        }
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
            recipients.add(recipient(status.getRecipientDSN(i)));
        }
        return Optional.of(new DeliveryReport(originalMessageId(report), deliveredTo(message), List.copyOf(recipients)));
    }

    /** The line for an address, or the only line when the report has one. */
    public Optional<Recipient> about(String address) {
        for (Recipient r : recipients) {
            if (r.address() != null && r.address().equalsIgnoreCase(address)) {
                return Optional.of(r);
            }
        }
        return recipients.size() == 1 ? Optional.of(recipients.get(0)) : Optional.empty();
    }

    private static MultipartReport report(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof MultipartReport report) {
            return report;
        }
        // the content handlers were not registered (a class path without the DSN module's mailcap)
        DataSource source = message.getDataHandler().getDataSource();
        return new MultipartReport(source);
    }

    private static String originalMessageId(MultipartReport report) throws MessagingException {
        MimeMessage returned;
        try {
            returned = report.getReturnedMessage();
        } catch (MessagingException e) {
            return null;
        }
        if (returned == null) {
            return null;
        }
        String[] ids = returned.getHeader("Message-ID");
        return ids == null || ids.length == 0 ? null : ids[0].trim();
    }

    private static Recipient recipient(InternetHeaders fields) {
        String address = typed(fields.getHeader("Final-Recipient", null));
        if (address == null) {
            address = typed(fields.getHeader("Original-Recipient", null));
        }
        String action = fields.getHeader("Action", null);
        String statusField = fields.getHeader("Status", null);
        String status = null;
        if (statusField != null) {
            Matcher m = STATUS.matcher(statusField);
            status = m.find() ? m.group() : null;
        }
        return new Recipient(address, action == null ? null : action.trim().toLowerCase(Locale.ROOT), status,
                typed(fields.getHeader("Diagnostic-Code", " ")));
    }

    /** A field of the form "type; value" (rfc822; a@example.com, smtp; 550 ...): the value. */
    private static String typed(String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        int semicolon = field.indexOf(';');
        String value = (semicolon >= 0 ? field.substring(semicolon + 1) : field).replaceAll("\\s+", " ").trim();
        return value.isEmpty() ? null : value;
    }

    private static Set<String> deliveredTo(MimeMessage message) throws MessagingException {
        Set<String> addresses = new LinkedHashSet<>();
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        if (to != null) {
            for (Address a : to) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    addresses.add(ia.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        }
        for (String name : DELIVERED_TO) {
            String[] values = message.getHeader(name);
            if (values != null) {
                for (String v : values) {
                    addresses.add(v.replaceAll("[<>\\s]", "").toLowerCase(Locale.ROOT));
                }
            }
        }
        return addresses;
    }
}
