package org.memberdesk.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.TokenPurpose;

/**
 * Renders every email the app sends from the Mustache templates in
 * {@code org/memberdesk/mail/templates}: a subject, a plain-text part and an HTML part. Values
 * a contact or an agent typed (names, offer and group names) are escaped in the HTML part.
 */
public final class EmailComposer {

    /** The longest output of each template so far, by name: the first guess of the next buffer's size. */
    private static final Map<String, Integer> SIZES = new java.util.concurrent.ConcurrentHashMap<>();

    private static final String FOOTER =
            "You receive this email because of your account with us. Never share the links in it.";

    private final Clock clock;
    private final TemplateSource source;
    private final DefaultMustacheFactory html;
    private final DefaultMustacheFactory text;
    private final DateTimeFormatter when;

    /** A composer of the bundled templates only, without a brand. */
    public EmailComposer(Clock clock) {
        this(clock, TemplateSource.BUNDLED);
    }

    /** A composer that uses what {@code source} holds over the bundled templates. */
    public EmailComposer(Clock clock, TemplateSource source) {
        this(clock, source, MailMustache.html(), MailMustache.text());
    }

    private EmailComposer(Clock clock, TemplateSource source, DefaultMustacheFactory html, DefaultMustacheFactory text) {
        this.clock = clock;
        this.source = source;
        this.html = html;
        this.text = text;
        this.when = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm z", Locale.ENGLISH).withZone(clock.getZone());
    }

    /**
     * The same composer over other templates (a preview of templates not stored yet, or the stored ones
     * read through the caller's transaction); the bundled templates stay compiled once.
     */
    public EmailComposer withSource(TemplateSource other) {
        return new EmailComposer(clock, other, html, text);
    }

    /**
     * The membership welcome of one offer. The offer may override the subject and the opening
     * text; the login details (where, which email) and, for a contact without a password, a
     * set-password link always follow.
     */
    public ComposedEmail welcome(String portalBase, Contact contact, Offer offer, boolean hasPassword,
                                 Duration setPasswordTtl) {
        String loginUrl = offer.getLoginUrl() != null ? offer.getLoginUrl() : PortalLinks.login(portalBase);
        TemplateKind editable = hasPassword ? TemplateKind.WELCOME : TemplateKind.SET_PASSWORD;
        TemplateSource.Stored stored = source.find(editable, offer.getId());
        Map<String, Object> scope = person(contact, "Membership", "Welcome to " + offer.getName(), stored.brand(),
                portalBase);
        scope.put("offer", offer.getName());
        scope.put("loginUrl", loginUrl);
        scope.put("portalUrl", PortalLinks.login(portalBase));
        TokenPurpose purpose = null;
        if (!hasPassword) {
            scope.put("link", PortalLinks.setPassword(portalBase, PortalLinks.HIDDEN_TOKEN));
            scope.put("linkExpiry", LinkTtl.describe(setPasswordTtl));
            scope.put("buttonLabel", "Choose my password");
            purpose = TokenPurpose.SET_PASSWORD;
        }
        String intro = offer.getWelcomeBody() == null
                ? renderText("welcome-intro.txt.mustache", scope)
                : renderOverride(offer, "body", offer.getWelcomeBody(), scope);
        scope.put("introText", intro.strip());
        scope.put("intro", paragraphs(intro));
        // The offer's own stored subject, then its older subject override, then the default.
        String subject = stored.offer().subject() == null && offer.getWelcomeSubject() != null
                ? oneLine(renderOverride(offer, "subject", offer.getWelcomeSubject(), scope)) : null;
        return compose(EmailKind.WELCOME, editable, stored, scope, subject, offer, null, purpose,
                purpose == null ? null : setPasswordTtl);
    }

    public ComposedEmail resetLink(String portalBase, Contact contact, Duration ttl) {
        TemplateSource.Stored stored = source.find(TemplateKind.RESET_LINK, null);
        Map<String, Object> scope = person(contact, "Membership · Client Portal", "Reset your password",
                stored.brand(), portalBase);
        scope.put("link", PortalLinks.reset(portalBase, PortalLinks.HIDDEN_TOKEN));
        scope.put("linkExpiry", LinkTtl.describe(ttl));
        scope.put("buttonLabel", "Choose a new password");
        return compose(EmailKind.RESET_LINK, TemplateKind.RESET_LINK, stored, scope, null, null, null,
                TokenPurpose.RESET, ttl);
    }

    /** A single-use sign-in link (magic link) to the Client Portal. */
    public ComposedEmail loginLink(String portalBase, Contact contact, Duration ttl) {
        TemplateSource.Stored stored = source.find(TemplateKind.LOGIN_LINK, null);
        Map<String, Object> scope = person(contact, "Membership · Client Portal", "Sign in to the Client Portal",
                stored.brand(), portalBase);
        scope.put("link", PortalLinks.signIn(portalBase, PortalLinks.HIDDEN_TOKEN));
        scope.put("linkExpiry", LinkTtl.describe(ttl));
        scope.put("buttonLabel", "Sign in");
        return compose(EmailKind.LOGIN_LINK, TemplateKind.LOGIN_LINK, stored, scope, null, null, null,
                TokenPurpose.LOGIN, ttl);
    }

    public ComposedEmail passwordChanged(String portalBase, Contact contact, Instant changedAt) {
        TemplateSource.Stored stored = source.find(TemplateKind.PASSWORD_CHANGED, null);
        Map<String, Object> scope = person(contact, "Membership · Client Portal", "Your password was changed",
                stored.brand(), portalBase);
        scope.put("loginUrl", PortalLinks.login(portalBase));
        scope.put("changedAt", when.format(changedAt));
        return compose(EmailKind.PASSWORD_CHANGED, TemplateKind.PASSWORD_CHANGED, stored, scope, null, null, null,
                null, null);
    }

    /** The welcome to a community group; carries a link to choose the group's own password when none is set. */
    public ComposedEmail communityWelcome(String portalBase, Contact contact, CommunityGroup group,
                                          boolean hasGroupPassword, Duration setPasswordTtl) {
        TemplateSource.Stored stored = source.find(TemplateKind.COMMUNITY_WELCOME, null);
        Map<String, Object> scope = person(contact, "Community · " + group.getName(), "Welcome to " + group.getName(),
                stored.brand(), portalBase);
        scope.put("group", group.getName());
        scope.put("loginUrl", PortalLinks.community(portalBase, group.getSlug()));
        TokenPurpose purpose = null;
        if (!hasGroupPassword) {
            scope.put("link", PortalLinks.communityReset(portalBase, group.getSlug(), PortalLinks.HIDDEN_TOKEN));
            scope.put("linkExpiry", LinkTtl.describe(setPasswordTtl));
            scope.put("buttonLabel", "Choose my group password");
            purpose = TokenPurpose.SET_PASSWORD;
        }
        return compose(EmailKind.COMMUNITY_WELCOME, TemplateKind.COMMUNITY_WELCOME, stored, scope, null, null, group,
                purpose,
                purpose == null ? null : setPasswordTtl);
    }

    public ComposedEmail communityResetLink(String portalBase, Contact contact, CommunityGroup group, Duration ttl) {
        TemplateSource.Stored stored = source.find(TemplateKind.COMMUNITY_RESET, null);
        Map<String, Object> scope = person(contact, "Community · " + group.getName(),
                "Reset your " + group.getName() + " password", stored.brand(), portalBase);
        scope.put("group", group.getName());
        scope.put("link", PortalLinks.communityReset(portalBase, group.getSlug(), PortalLinks.HIDDEN_TOKEN));
        scope.put("linkExpiry", LinkTtl.describe(ttl));
        scope.put("buttonLabel", "Choose a new group password");
        return compose(EmailKind.COMMUNITY_RESET_LINK, TemplateKind.COMMUNITY_RESET, stored, scope, null, null,
                group, TokenPurpose.RESET, ttl);
    }

    public ComposedEmail communityPasswordChanged(String portalBase, Contact contact, CommunityGroup group,
                                                  Instant changedAt) {
        TemplateSource.Stored stored = source.find(TemplateKind.COMMUNITY_PASSWORD_CHANGED, null);
        Map<String, Object> scope = person(contact, "Community · " + group.getName(),
                "Your " + group.getName() + " password was changed", stored.brand(), portalBase);
        scope.put("group", group.getName());
        scope.put("loginUrl", PortalLinks.community(portalBase, group.getSlug()));
        scope.put("changedAt", when.format(changedAt));
        return compose(EmailKind.COMMUNITY_PASSWORD_CHANGED, TemplateKind.COMMUNITY_PASSWORD_CHANGED, stored, scope,
                null, null, group, null, null);
    }

    /**
     * To the contact's old address after the agent changed it: what changed and when, the new
     * address masked (whoever reads the old one learns nothing useful), and no link at all.
     */
    public ComposedEmail addressChanged(String name, String oldAddress, String newAddressMasked, Instant changedAt) {
        Map<String, Object> scope = new HashMap<>();
        brand(scope, source.brand(), null);
        scope.put("name", name);
        scope.put("area", "Your account");
        scope.put("heading", "Your email address was changed");
        scope.put("signoff", "Thanks,");
        scope.put("footer", "You receive this email because this address was on an account with us.");
        scope.put("oldAddress", oldAddress);
        scope.put("newAddressMasked", newAddressMasked);
        scope.put("changedAt", when.format(changedAt));
        return compose(EmailKind.ADDRESS_CHANGED, "address-changed", scope, null, null, null, null, null);
    }

    /**
     * The code an agent asks a caller to read back, to the address on file. The stored body holds
     * {@link PortalLinks#HIDDEN_CODE}; the dispatcher makes the code when it sends, so no one at the
     * desk can read it in the Email History.
     */
    public ComposedEmail verificationCode(Contact contact, Duration ttl) {
        Map<String, Object> scope = person(contact, "Your account", "Your code for our support team",
                source.brand(), null);
        scope.put("footer", "You receive this email because someone asked our support team for help with your account.");
        scope.put("code", PortalLinks.HIDDEN_CODE);
        scope.put("codeExpiry", LinkTtl.describe(ttl));
        return compose(EmailKind.VERIFICATION_CODE, "verification-code", scope, null, null, null,
                TokenPurpose.VERIFY, ttl);
    }

    /** The settings dialog's test email; it goes straight to SMTP, not through the outbox. */
    public ComposedEmail test(String serverDescription) {
        Map<String, Object> scope = new HashMap<>();
        brand(scope, source.brand(), null);
        scope.put("area", "MemberDesk");
        scope.put("heading", "Your email settings work");
        scope.put("signoff", "Cheers,");
        scope.put("footer", "Sent from the MemberDesk email settings.");
        scope.put("server", serverDescription);
        scope.put("sentAt", when.format(clock.instant()));
        return compose(EmailKind.TEST, "test", scope, null, null, null, null, null);
    }

    /**
     * Checks an offer's welcome overrides before they are saved, so a typo in a template is caught
     * by the person who made it, not by the dispatcher at 3 a.m.
     */
    public static void checkWelcomeOverride(String subject, String body) {
        for (String template : new String[] {subject, body}) {
            if (template != null && !template.isBlank()) {
                try {
                    MailMustache.text().compile(new StringReader(template), "welcome-override");
                } catch (MustacheException e) {
                    throw new InvalidInputException("the welcome template has an error: " + e.getMessage());
                }
            }
        }
    }

    // ---- rendering ----

    private Map<String, Object> person(Contact contact, String area, String heading, MailBrand brand,
                                       String portalBase) {
        Map<String, Object> scope = new HashMap<>();
        brand(scope, brand, portalBase);
        scope.put("name", contact.getName());
        scope.put("loginEmail", contact.getEmail());
        scope.put("area", area);
        scope.put("heading", heading);
        scope.put("signoff", "Thanks,");
        scope.put("footer", FOOTER);
        return scope;
    }

    private static void brand(Map<String, Object> scope, MailBrand brand, String portalBase) {
        scope.put("brandName", brand.businessName() == null ? "" : brand.businessName());
        scope.put("signature", brand.signature());
        scope.put("accentColor", brand.accentColor() == null ? MailBrand.DEFAULT_ACCENT : brand.accentColor());
        scope.put("supportEmail", brand.supportEmail());
        scope.put("logoUrl", brand.hasLogo() && portalBase != null ? portalBase + MailBrand.LOGO_PATH : null);
    }

    /** An editable email: each part from the offer's stored template, else the kind's, else the bundled file. */
    private ComposedEmail compose(EmailKind kind, TemplateKind editable, TemplateSource.Stored stored,
                                  Map<String, Object> scope, String subject, Offer offer, CommunityGroup group,
                                  TokenPurpose purpose, Duration ttl) {
        TemplateParts parts = stored.offer().over(stored.defaults());
        String template = editable.bundled();
        String finalSubject = subject != null ? subject
                : oneLine(parts.subject() != null ? renderStored(text, editable, TemplatePart.SUBJECT, parts, scope)
                        : renderText(template + ".subject.mustache", scope));
        scope.put("subject", finalSubject);
        String body = (parts.text() != null ? renderStored(text, editable, TemplatePart.TEXT, parts, scope)
                : renderText(template + ".txt.mustache", scope)).strip() + "\n";
        String markup = parts.html() != null ? renderStored(html, editable, TemplatePart.HTML, parts, scope)
                : render(html, template + ".html.mustache", scope);
        return new ComposedEmail(kind, offer, group, finalSubject, body, markup, purpose, ttl);
    }

    private static String renderStored(DefaultMustacheFactory factory, TemplateKind kind, TemplatePart part,
                                       TemplateParts parts, Map<String, Object> scope) {
        try {
            return execute(factory.compile(new StringReader(parts.get(part)), "stored-" + kind.code() + "-"
                    + part.code() + ".mustache"), scope);
        } catch (MustacheException e) {
            throw new InvalidInputException("the stored " + kind.code() + " template has an error in its "
                    + part.code() + " part: " + e.getMessage());
        }
    }

    private ComposedEmail compose(EmailKind kind, String template, Map<String, Object> scope, String subject,
                                  Offer offer, CommunityGroup group, TokenPurpose purpose, Duration ttl) {
        String finalSubject = subject != null ? subject : oneLine(renderText(template + ".subject.mustache", scope));
        scope.put("subject", finalSubject);
        String body = renderText(template + ".txt.mustache", scope).strip() + "\n";
        String markup = render(html, template + ".html.mustache", scope);
        return new ComposedEmail(kind, offer, group, finalSubject, body, markup, purpose, ttl);
    }

    private String renderText(String template, Map<String, Object> scope) {
        return render(text, template, scope);
    }

    private static String render(DefaultMustacheFactory factory, String template, Map<String, Object> scope) {
        return execute(factory.compile(template), scope);
    }

    private static String execute(Mustache mustache, Map<String, Object> scope) {
        // Room for what this template rendered last time: grown from the default 16 characters, the
        // buffer was copied about ten times per HTML part, a third of what a bulk of welcomes allocated.
        Integer last = SIZES.get(mustache.getName());
        StringWriter out = new StringWriter(last == null ? 256 : last + last / 8);
        mustache.execute(out, scope);
        String rendered = out.toString();
        if (last == null || rendered.length() > last) {
            SIZES.put(mustache.getName(), Math.min(rendered.length(), 1 << 16));
        }
        return rendered;
    }

    private static String renderOverride(Offer offer, String part, String template, Map<String, Object> scope) {
        try {
            Mustache mustache = MailMustache.text().compile(new StringReader(template),
                    "offer-" + offer.getId() + "-" + part);
            return execute(mustache, scope);
        } catch (MustacheException e) {
            throw new InvalidInputException("the welcome " + part + " of offer '" + offer.getName()
                    + "' has a template error: " + e.getMessage());
        }
    }

    /** Plain text split into paragraphs (blank lines) and lines, for the HTML part. */
    private static List<Map<String, Object>> paragraphs(String textBlock) {
        List<Map<String, Object>> paragraphs = new ArrayList<>();
        for (String paragraph : textBlock.strip().split("\\n\\s*\\n")) {
            String[] raw = paragraph.strip().split("\\n");
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0; i < raw.length; i++) {
                lines.add(Map.of("text", raw[i].strip(), "br", i < raw.length - 1));
            }
            paragraphs.add(Map.of("lines", lines));
        }
        return paragraphs;
    }

    /** A subject is one header line: no line breaks, no runs of spaces. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t ]+", " ").strip();
    }
}
