package org.memberdesk.mail;

import java.util.UUID;

/**
 * Where {@link EmailComposer} finds the templates and the brand a business stored; what it does not
 * find comes from the bundled files. Implemented on the service side, over the stored settings.
 */
public interface TemplateSource {

    /** What is stored for one kind: the offer's own parts (none without an offer), the kind's default parts, the brand. */
    record Stored(TemplateParts offer, TemplateParts defaults, MailBrand brand) {
    }

    /** Nothing stored: the bundled templates, no brand. */
    TemplateSource BUNDLED = new TemplateSource() {
        @Override
        public Stored find(TemplateKind kind, UUID offerId) {
            return new Stored(TemplateParts.NONE, TemplateParts.NONE, MailBrand.NONE);
        }

        @Override
        public MailBrand brand() {
            return MailBrand.NONE;
        }
    };

    /** The stored parts of one kind, for an offer (null: the default only), and the brand. */
    Stored find(TemplateKind kind, UUID offerId);

    /** The brand alone, for emails no one words themselves (address changed, test). */
    MailBrand brand();
}
