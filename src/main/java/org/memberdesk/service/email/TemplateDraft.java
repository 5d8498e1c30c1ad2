package org.memberdesk.service.email;

import org.memberdesk.mail.TemplateParts;

/** Template text typed by a person: a null part is not given (left as stored). */
public record TemplateDraft(String subject, String text, String html) {

    public static final TemplateDraft NONE = new TemplateDraft(null, null, null);

    public boolean isEmpty() {
        return subject == null && text == null && html == null;
    }

    TemplateParts parts() {
        return new TemplateParts(subject, text, html);
    }
}
