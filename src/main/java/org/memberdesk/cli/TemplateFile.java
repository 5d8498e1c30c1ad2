package org.memberdesk.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memberdesk.service.email.TemplateDraft;
import org.memberdesk.service.email.TemplateView;

/**
 * The file format of {@code templates show} and {@code templates set --file}: a line
 * {@code --- subject ---}, {@code --- text ---} or {@code --- html ---} starts each part given;
 * a part not in the file stays as it is. What {@code show} prints can be edited and set again.
 */
final class TemplateFile {

    private static final Pattern MARKER = Pattern.compile("(?m)^--- (subject|text|html) ---[ \\t]*\\R?");

    private TemplateFile() {
    }

    static String write(TemplateView view) {
        return "--- subject ---\n" + view.subject().strip() + "\n--- text ---\n" + view.text().strip()
                + "\n--- html ---\n" + view.html().strip();
    }

    /** The parts of a file, or null when it has no part marker at all. */
    static TemplateDraft read(String content) {
        Matcher m = MARKER.matcher(content);
        TemplateDraft parts = TemplateDraft.NONE;
        String part = null;
        int start = 0;
        boolean any = false;
        while (m.find()) {
            if (part != null) {
                parts = with(parts, part, content.substring(start, m.start()));
            } else if (!content.substring(0, m.start()).isBlank()) {
                return null;
            }
            part = m.group(1);
            start = m.end();
            any = true;
        }
        if (!any) {
            return null;
        }
        return with(parts, part, content.substring(start));
    }

    private static TemplateDraft with(TemplateDraft parts, String part, String text) {
        String value = part.equals("subject") ? text.strip() : text.strip() + "\n";
        return switch (part) {
            case "subject" -> new TemplateDraft(value, parts.text(), parts.html());
            case "text" -> new TemplateDraft(parts.subject(), value, parts.html());
            default -> new TemplateDraft(parts.subject(), parts.text(), value);
        };
    }
}
