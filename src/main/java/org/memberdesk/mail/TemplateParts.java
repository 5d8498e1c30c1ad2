package org.memberdesk.mail;

/** The three parts of a template; a null part is not given (the next one in line, in the end the bundled file, is used). */
public record TemplateParts(String subject, String text, String html) {

    public static final TemplateParts NONE = new TemplateParts(null, null, null);

    public String get(TemplatePart part) {
        return switch (part) {
            case SUBJECT -> subject;
            case TEXT -> text;
            case HTML -> html;
        };
    }

    public TemplateParts with(TemplatePart part, String value) {
        return switch (part) {
            case SUBJECT -> new TemplateParts(value, text, html);
            case TEXT -> new TemplateParts(subject, value, html);
            case HTML -> new TemplateParts(subject, text, value);
        };
    }

    /** Each part of this one, else the other's. */
    public TemplateParts over(TemplateParts other) {
        return new TemplateParts(subject != null ? subject : other.subject, text != null ? text : other.text,
                html != null ? html : other.html);
    }

    public boolean isEmpty() {
        return subject == null && text == null && html == null;
    }
}
