package org.memberdesk.service.email;

import java.util.UUID;
import org.memberdesk.mail.MailBrand;
import org.memberdesk.mail.TemplateKind;
import org.memberdesk.mail.TemplatePart;
import org.memberdesk.mail.TemplateParts;
import org.memberdesk.mail.TemplateSource;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.JoinsTransaction;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.portal.BrandingService;

/**
 * The templates and brand a business stored, in the settings: {@code email.template.KIND.PART} for a
 * kind's default, {@code email.template.KIND.offer.OFFER-ID.PART} for one offer's own.
 */
public final class StoredTemplates implements TemplateSource {

    static final String PREFIX = "email.template.";

    private final Transactions tx;

    public StoredTemplates(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Stored find(TemplateKind kind, UUID offerId) {
        return tx.read(t -> stored(t, kind, offerId));
    }

    @Override
    public MailBrand brand() {
        return tx.read(BrandingService::mailBrand);
    }

    /**
     * The stored templates read through a transaction already open: an email composed inside a write
     * must not ask the pool for a second connection (with every connection held by writers waiting
     * their turn, it would wait for itself). Every feature that composes an email does so in its own write.
     */
    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public static TemplateSource within(Tx t) {
        return new TemplateSource() {
            @Override
            public Stored find(TemplateKind kind, UUID offerId) {
                return stored(t, kind, offerId);
            }

            @Override
            public MailBrand brand() {
                return BrandingService.mailBrand(t);
            }
        };
    }

    private static Stored stored(Tx t, TemplateKind kind, UUID offerId) {
        return new Stored(offerId == null ? TemplateParts.NONE : parts(t, kind, offerId), parts(t, kind, null),
                BrandingService.mailBrand(t));
    }

    @JoinsTransaction
    static TemplateParts parts(Tx t, TemplateKind kind, UUID offerId) {
        TemplateParts parts = TemplateParts.NONE;
        for (TemplatePart part : TemplatePart.values()) {
            parts = parts.with(part, t.settings().get(key(kind, offerId, part)).orElse(null));
        }
        return parts;
    }

    static String key(TemplateKind kind, UUID offerId, TemplatePart part) {
        return PREFIX + kind.code() + (offerId == null ? "" : ".offer." + offerId) + "." + part.code();
    }
}
