package org.memberdesk.service.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.CommunityMembership;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.mail.ComposedEmail;
import org.memberdesk.mail.EmailComposer;
import org.memberdesk.mail.LinkTtl;
import org.memberdesk.mail.MailBrand;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.mail.TemplateCheck;
import org.memberdesk.mail.TemplateKind;
import org.memberdesk.mail.TemplatePart;
import org.memberdesk.mail.TemplateParts;
import org.memberdesk.mail.TemplateSource;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Lookups;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.credentials.SignInLinks;

/**
 * The emails a business words itself (Settings → Emails, {@code templates ...}): each kind's
 * subject, text and HTML, stored over the bundled template, for one offer or as the default;
 * checked before they are stored, previewed on a real contact without sending.
 */
public final class EmailTemplates {

    private static final String BUNDLED_ROOT = "/org/memberdesk/mail/templates/";

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final EmailComposer composer;
    private final StoredTemplates stored;
    private final PortalLinks links;

    public EmailTemplates(Transactions tx, AuditLog audit, Clock clock, EmailComposer composer,
                          StoredTemplates stored, PortalLinks links) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.composer = composer;
        this.stored = stored;
        this.links = links;
    }

    /** One kind of email a business may word itself, as a person chooses it. */
    public record KindInfo(String code, String description, boolean perOffer, boolean linkRequired,
                           List<String> variables) {
    }

    /** Every kind, in the order they are offered. */
    public static List<KindInfo> kinds() {
        return Arrays.stream(TemplateKind.values()).map(k -> new KindInfo(k.code(), k.description(), k.perOffer(),
                k.linkRequired(), k.variables())).toList();
    }

    /** The kind named by its code ({@code welcome}, {@code reset-link}...), or a refusal that lists them. */
    static TemplateKind kind(String code) {
        TemplateKind kind = TemplateKind.ofCode(code);
        if (kind == null) {
            throw new UserError("unknown template kind '" + (code == null ? "" : code.strip()) + "'; known: "
                    + kindCodes());
        }
        return kind;
    }

    public static String kindCodes() {
        return Arrays.stream(TemplateKind.values()).map(TemplateKind::code).collect(Collectors.joining(", "));
    }

    /** Every kind as used by default, then every offer's own template, kind by kind. */
    public List<TemplateView> list() {
        return tx.read(t -> {
            List<TemplateView> views = new ArrayList<>();
            for (TemplateKind kind : TemplateKind.values()) {
                views.add(view(t, kind, null));
            }
            for (TemplateKind kind : TemplateKind.values()) {
                if (kind.perOffer()) {
                    for (Offer offer : t.offers().all()) {
                        if (!StoredTemplates.parts(t, kind, offer.getId()).isEmpty()) {
                            views.add(view(t, kind, offer));
                        }
                    }
                }
            }
            return views;
        });
    }

    /** The template of a kind as used now, for an offer (null: the default). */
    public TemplateView show(String kindCode, String offerName) {
        TemplateKind kind = kind(kindCode);
        return tx.read(t -> view(t, kind, offer(t, kind, offerName)));
    }

    /** The bundled template of a kind: what Reset to default brings back. */
    public static TemplateDraft bundled(String kindCode) {
        TemplateParts parts = bundled(kind(kindCode));
        return new TemplateDraft(parts.subject(), parts.text(), parts.html());
    }

    static TemplateParts bundled(TemplateKind kind) {
        return new TemplateParts(resource(kind.bundled() + ".subject.mustache").strip(),
                resource(kind.bundled() + ".txt.mustache"), resource(kind.bundled() + ".html.mustache"));
    }

    /**
     * Checks the given parts (null parts are left as they are) and stores them, recorded in
     * Activity. Any refused part refuses the whole change, with the reason.
     */
    public TemplateView set(String kindCode, String offerName, TemplateDraft draft, Actor actor) {
        TemplateKind kind = kind(kindCode);
        if (draft == null || draft.isEmpty()) {
            throw new UserError("no template part given; nothing was changed");
        }
        perOffer(kind, offerName);
        TemplateParts parts = draft.parts();
        check(kind, parts);
        return tx.write(t -> {
            Offer offer = offer(t, kind, offerName);
            Instant now = clock.instant();
            List<String> changed = new ArrayList<>();
            for (TemplatePart part : TemplatePart.values()) {
                String value = parts.get(part);
                if (value != null) {
                    t.settings().put(StoredTemplates.key(kind, offer == null ? null : offer.getId(), part),
                            part == TemplatePart.SUBJECT ? value.strip() : value, now);
                    changed.add(part.code());
                }
            }
            audit.record(t, actor, "email.template-set", null, describe(kind, offer) + ": " + String.join(", ", changed));
            return view(t, kind, offer);
        });
    }

    /**
     * Refuses a part that would break the email, with the reason: a Mustache error, a variable the
     * kind does not have, an unescaped value in HTML, no {@code {{link}}} where the email carries one.
     */
    public static void check(String kindCode, TemplateDraft draft) {
        check(kind(kindCode), draft.parts());
    }

    private static void check(TemplateKind kind, TemplateParts parts) {
        for (TemplatePart part : TemplatePart.values()) {
            if (parts.get(part) != null) {
                try {
                    TemplateCheck.check(kind, part, parts.get(part));
                } catch (InvalidInputException e) {
                    throw new UserError(e.getMessage() + "; nothing was changed");
                }
            }
        }
    }

    /**
     * Back to the default: an offer's own template (and the offer's older welcome subject and
     * opening overrides) removed, or the kind's default back to the bundled template.
     */
    public TemplateView reset(String kindCode, String offerName, Actor actor) {
        TemplateKind kind = kind(kindCode);
        return tx.write(t -> {
            Offer offer = offer(t, kind, offerName);
            for (TemplatePart part : TemplatePart.values()) {
                t.settings().remove(StoredTemplates.key(kind, offer == null ? null : offer.getId(), part));
            }
            if (offer != null) {
                offer.overrideWelcome(null, null);
            }
            audit.record(t, actor, "email.template-reset", null, describe(kind, offer));
            return view(t, kind, offer);
        });
    }

    /**
     * The email of a kind as {@code contactEmail} would get it, with {@code draft} (null parts: as
     * stored) in place of the stored template of the offer (null: the default). Nothing is sent
     * or stored. Welcome kinds use the offer, else one of the contact's; community kinds one of
     * the contact's groups, else a sample one.
     */
    public EmailPreview preview(String kindCode, String offerName, String contactEmail, TemplateDraft draft) {
        TemplateKind kind = kind(kindCode);
        TemplateParts typed = draft == null ? TemplateParts.NONE : draft.parts();
        return tx.read(t -> {
            Offer chosen = offer(t, kind, offerName);
            Contact contact = Lookups.contact(t, contactEmail);
            TemplateSource overlay = overlay(kind, chosen != null, typed);
            EmailComposer drafts = composer.withSource(overlay);
            String base = links.base(t);
            Instant now = clock.instant();
            ComposedEmail email = switch (kind) {
                case WELCOME, SET_PASSWORD -> drafts.welcome(base, contact,
                        chosen != null ? chosen : anyOffer(t, contact, now), kind == TemplateKind.WELCOME,
                        LinkTtl.setPassword(t));
                case RESET_LINK -> drafts.resetLink(base, contact, LinkTtl.agentReset(t));
                case PASSWORD_CHANGED -> drafts.passwordChanged(base, contact, now);
                case COMMUNITY_WELCOME -> drafts.communityWelcome(base, contact, anyGroup(t, contact, now), false,
                        LinkTtl.setPassword(t));
                case COMMUNITY_RESET -> drafts.communityResetLink(base, contact, anyGroup(t, contact, now),
                        LinkTtl.agentReset(t));
                case COMMUNITY_PASSWORD_CHANGED -> drafts.communityPasswordChanged(base, contact,
                        anyGroup(t, contact, now), now);
                case LOGIN_LINK -> drafts.loginLink(base, contact, SignInLinks.TTL);
            };
            return new EmailPreview(TemplateKindCode.of(kind), chosen == null ? null : chosen.getName(), contact.getEmail(),
                    email.subject(), email.text(), email.html());
        });
    }

    private TemplateSource overlay(TemplateKind kind, boolean forOffer, TemplateParts draft) {
        return new TemplateSource() {
            @Override
            public Stored find(TemplateKind asked, UUID offerId) {
                Stored now = stored.find(asked, offerId);
                if (asked != kind) {
                    return now;
                }
                return forOffer ? new Stored(draft.over(now.offer()), now.defaults(), now.brand())
                        : new Stored(TemplateParts.NONE, draft.over(now.defaults()), now.brand());
            }

            @Override
            public MailBrand brand() {
                return stored.brand();
            }
        };
    }

    private static Offer anyOffer(Tx t, Contact contact, Instant now) {
        return t.grants().ofContact(contact.getId()).stream().filter(g -> g.isActive(now)).map(OfferGrant::getOffer)
                .findFirst()
                .or(() -> t.offers().all().stream().findFirst())
                .orElseGet(() -> new Offer("Your offer", null, now));
    }

    private static CommunityGroup anyGroup(Tx t, Contact contact, Instant now) {
        return t.communities().membershipsOf(contact.getId()).stream().map(CommunityMembership::getGroup)
                .findFirst()
                .or(() -> t.communities().all().stream().findFirst())
                .orElseGet(() -> new CommunityGroup("Your group", now));
    }

    private static Offer offer(Tx t, TemplateKind kind, String offerName) {
        if (offerName == null || offerName.isBlank()) {
            return null;
        }
        perOffer(kind, offerName);
        return Lookups.offer(t, offerName);
    }

    private static void perOffer(TemplateKind kind, String offerName) {
        if (offerName != null && !offerName.isBlank() && !kind.perOffer()) {
            throw new UserError("only the welcome and set-password templates can differ per offer, not "
                    + kind.code());
        }
    }

    private static String describe(TemplateKind kind, Offer offer) {
        return kind.code() + (offer == null ? "" : " (offer " + offer.getName() + ")");
    }

    private static TemplateView view(Tx t, TemplateKind kind, Offer offer) {
        TemplateParts own = offer == null ? TemplateParts.NONE : StoredTemplates.parts(t, kind, offer.getId());
        TemplateParts defaults = StoredTemplates.parts(t, kind, null);
        TemplateParts bundled = bundled(kind);
        String[] text = new String[3];
        String[] from = new String[3];
        for (TemplatePart part : TemplatePart.values()) {
            int i = part.ordinal();
            if (own.get(part) != null) {
                text[i] = own.get(part);
                from[i] = TemplateView.OFFER;
            } else if (part == TemplatePart.SUBJECT && offer != null && offer.getWelcomeSubject() != null) {
                text[i] = offer.getWelcomeSubject();
                from[i] = TemplateView.OFFER;
            } else if (defaults.get(part) != null) {
                text[i] = defaults.get(part);
                from[i] = TemplateView.DEFAULT;
            } else {
                text[i] = bundled.get(part);
                from[i] = TemplateView.BUNDLED;
            }
        }
        return new TemplateView(TemplateKindCode.of(kind), offer == null ? null : offer.getName(), kind.description(), text[0],
                text[1], text[2], from[0], from[1], from[2], kind.variables(), TemplateKind.PARTIALS,
                kind.linkRequired(), kind.perOffer());
    }

    private static String resource(String name) {
        try (InputStream in = EmailTemplates.class.getResourceAsStream(BUNDLED_ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled template missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
