package org.memberdesk.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    private static final String ROOT = "org/memberdesk/mail/templates";
    private static final String FOOTER =
            "You receive this email because of your account with us. Never share the links in it.";

    private final Clock clock;
    private final DefaultMustacheFactory html = new DefaultMustacheFactory(ROOT);
    private final DefaultMustacheFactory text = new TextFactory(ROOT);
    private final DateTimeFormatter when;

    public EmailComposer(Clock clock) {
        this.clock = clock;
        this.when = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm z", Locale.ENGLISH).withZone(clock.getZone());
    }

    /**
     * The membership welcome of one offer. The offer may override the subject and the opening
     * text; the login details (where, which email) and, for a contact without a password, a
     * set-password link always follow.
     */
    public ComposedEmail welcome(String portalBase, Contact contact, Offer offer, boolean hasPassword,
                                 Duration setPasswordTtl) {
        String loginUrl = offer.getLoginUrl() != null ? offer.getLoginUrl() : PortalLinks.login(portalBase);
        Map<String, Object> scope = person(contact, "Membership", "Welcome to " + offer.getName());
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
        String subject = offer.getWelcomeSubject() == null
                ? renderText("welcome.subject.mustache", scope)
                : renderOverride(offer, "subject", offer.getWelcomeSubject(), scope);
        return compose(EmailKind.WELCOME, "welcome", scope, oneLine(subject), offer, null, purpose,
                purpose == null ? null : setPasswordTtl);
    }

    public ComposedEmail resetLink(String portalBase, Contact contact, Duration ttl) {
        Map<String, Object> scope = person(contact, "Membership · Client Portal", "Reset your password");
        scope.put("link", PortalLinks.reset(portalBase, PortalLinks.HIDDEN_TOKEN));
        scope.put("linkExpiry", LinkTtl.describe(ttl));
        scope.put("buttonLabel", "Choose a new password");
        return compose(EmailKind.RESET_LINK, "reset-link", scope, null, null, null, TokenPurpose.RESET, ttl);
    }

    public ComposedEmail passwordChanged(String portalBase, Contact contact, Instant changedAt) {
        Map<String, Object> scope = person(contact, "Membership · Client Portal", "Your password was changed");
        scope.put("loginUrl", PortalLinks.login(portalBase));
        scope.put("changedAt", when.format(changedAt));
        return compose(EmailKind.PASSWORD_CHANGED, "password-changed", scope, null, null, null, null, null);
    }

    /** The welcome to a community group; carries a link to choose the group's own password when none is set. */
    public ComposedEmail communityWelcome(String portalBase, Contact contact, CommunityGroup group,
                                          boolean hasGroupPassword, Duration setPasswordTtl) {
        Map<String, Object> scope = person(contact, "Community · " + group.getName(), "Welcome to " + group.getName());
        scope.put("group", group.getName());
        scope.put("loginUrl", PortalLinks.community(portalBase, group.getSlug()));
        TokenPurpose purpose = null;
        if (!hasGroupPassword) {
            scope.put("link", PortalLinks.communityReset(portalBase, group.getSlug(), PortalLinks.HIDDEN_TOKEN));
            scope.put("linkExpiry", LinkTtl.describe(setPasswordTtl));
            scope.put("buttonLabel", "Choose my group password");
            purpose = TokenPurpose.SET_PASSWORD;
        }
        return compose(EmailKind.COMMUNITY_WELCOME, "community-welcome", scope, null, null, group, purpose,
                purpose == null ? null : setPasswordTtl);
    }

    public ComposedEmail communityResetLink(String portalBase, Contact contact, CommunityGroup group, Duration ttl) {
        Map<String, Object> scope = person(contact, "Community · " + group.getName(),
                "Reset your " + group.getName() + " password");
        scope.put("group", group.getName());
        scope.put("link", PortalLinks.communityReset(portalBase, group.getSlug(), PortalLinks.HIDDEN_TOKEN));
        scope.put("linkExpiry", LinkTtl.describe(ttl));
        scope.put("buttonLabel", "Choose a new group password");
        return compose(EmailKind.COMMUNITY_RESET_LINK, "community-reset-link", scope, null, null, group,
                TokenPurpose.RESET, ttl);
    }

    public ComposedEmail communityPasswordChanged(String portalBase, Contact contact, CommunityGroup group,
                                                  Instant changedAt) {
        Map<String, Object> scope = person(contact, "Community · " + group.getName(),
                "Your " + group.getName() + " password was changed");
        scope.put("group", group.getName());
        scope.put("loginUrl", PortalLinks.community(portalBase, group.getSlug()));
        scope.put("changedAt", when.format(changedAt));
        return compose(EmailKind.COMMUNITY_PASSWORD_CHANGED, "community-password-changed", scope, null, null, group,
                null, null);
    }

    /**
     * To the contact's old address after the agent changed it: what changed and when, the new
     * address masked (whoever reads the old one learns nothing useful), and no link at all.
     */
    public ComposedEmail addressChanged(String name, String oldAddress, String newAddressMasked, Instant changedAt) {
        Map<String, Object> scope = new HashMap<>();
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

    /** The settings dialog's test email; it goes straight to SMTP, not through the outbox. */
    public ComposedEmail test(String serverDescription) {
        Map<String, Object> scope = new HashMap<>();
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
                    new TextFactory(ROOT).compile(new StringReader(template), "welcome-override");
                } catch (MustacheException e) {
                    throw new InvalidInputException("the welcome template has an error: " + e.getMessage());
                }
            }
        }
    }

    // ---- rendering ----

    private Map<String, Object> person(Contact contact, String area, String heading) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("name", contact.getName());
        scope.put("loginEmail", contact.getEmail());
        scope.put("area", area);
        scope.put("heading", heading);
        scope.put("signoff", "Thanks,");
        scope.put("footer", FOOTER);
        return scope;
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
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }

    private static String renderOverride(Offer offer, String part, String template, Map<String, Object> scope) {
        try {
            Mustache mustache = new TextFactory(ROOT).compile(new StringReader(template),
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

    /** Mustache without HTML escaping, for subjects and plain-text parts. */
    private static final class TextFactory extends DefaultMustacheFactory {
        TextFactory(String root) {
            super(root);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
