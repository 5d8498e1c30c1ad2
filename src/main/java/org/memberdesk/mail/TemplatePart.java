package org.memberdesk.mail;

import org.memberdesk.domain.Coded;

/** One part of an email template: the subject line, the plain-text body or the HTML body. */
public enum TemplatePart implements Coded {
    SUBJECT, TEXT, HTML;
}
