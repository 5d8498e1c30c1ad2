package org.memberdesk.service.email;

/** A template rendered for one contact without sending anything; links show their token hidden. */
public record EmailPreview(TemplateKindCode kind, String offer, String contactEmail, String subject, String text, String html) {
}
