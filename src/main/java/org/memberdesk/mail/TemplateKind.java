package org.memberdesk.mail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.memberdesk.domain.Coded;

/**
 * An email a business may word itself. Each has its bundled template (subject, text and HTML
 * files), the Mustache variables it is given and whether it must carry its {@code {{link}}}.
 */
public enum TemplateKind implements Coded {
    /** The membership welcome to a contact who already has a password. */
    WELCOME("welcome", false, true, "The membership welcome to a contact who already has a password",
            "offer", "loginUrl", "portalUrl", "introText", "intro", "link", "linkExpiry", "buttonLabel"),
    /** The membership welcome to a contact with no password yet: it carries the link to choose one. */
    SET_PASSWORD("welcome", true, true,
            "The membership welcome to a contact with no password yet, with the link to choose one",
            "offer", "loginUrl", "portalUrl", "introText", "intro", "link", "linkExpiry", "buttonLabel"),
    RESET_LINK("reset-link", true, false, "The membership reset link (agent, workflow or Forgot Password)",
            "link", "linkExpiry", "buttonLabel"),
    PASSWORD_CHANGED("password-changed", false, false, "The notice that the membership password was changed",
            "loginUrl", "changedAt"),
    COMMUNITY_WELCOME("community-welcome", false, false,
            "The welcome to a community group (with a link to choose the group password when none is set)",
            "group", "loginUrl", "link", "linkExpiry", "buttonLabel"),
    COMMUNITY_RESET("community-reset-link", true, false, "The reset link of a community group password",
            "group", "link", "linkExpiry", "buttonLabel"),
    COMMUNITY_PASSWORD_CHANGED("community-password-changed", false, false,
            "The notice that a community group password was changed", "group", "loginUrl", "changedAt"),
    LOGIN_LINK("login-link", true, false, "The single-use sign-in link to the Client Portal (magic link)",
            "link", "linkExpiry", "buttonLabel");

    /** Given to every template: the contact, the page frame and the brand. */
    public static final List<String> COMMON_VARIABLES = List.of("name", "loginEmail", "subject", "area", "heading",
            "signoff", "signature", "footer", "brandName", "accentColor", "supportEmail", "logoUrl");
    /** Inside {@code {{#intro}}}: its paragraphs' lines and line breaks. */
    static final List<String> INTRO_VARIABLES = List.of("lines", "text", "br");
    /** The bundled pieces a template may include with {@code {{> name}}}. */
    public static final List<String> PARTIALS = List.of("header_html", "footer_html", "button_html",
            "paragraphs_html");

    private final String bundled;
    private final boolean linkRequired;
    private final boolean perOffer;
    private final String description;
    private final List<String> own;

    TemplateKind(String bundled, boolean linkRequired, boolean perOffer, String description, String... own) {
        this.bundled = bundled;
        this.linkRequired = linkRequired;
        this.perOffer = perOffer;
        this.description = description;
        this.own = List.of(own);
    }

    /** The name of its bundled files, {@code NAME.subject.mustache}, {@code NAME.txt.mustache}, {@code NAME.html.mustache}. */
    public String bundled() {
        return bundled;
    }

    /** Whether its text and HTML must carry {@code {{link}}}: the email exists to deliver it. */
    public boolean linkRequired() {
        return linkRequired;
    }

    /** Whether an offer may have its own (the membership welcomes). */
    public boolean perOffer() {
        return perOffer;
    }

    public String description() {
        return description;
    }

    /** The variables its templates may use, in the order they are listed to a person. */
    public List<String> variables() {
        List<String> all = new ArrayList<>(COMMON_VARIABLES);
        all.addAll(own);
        if (own.contains("intro")) {
            all.addAll(INTRO_VARIABLES);
        }
        return Collections.unmodifiableList(all);
    }

    public static TemplateKind ofCode(String code) {
        for (TemplateKind kind : values()) {
            if (kind.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return kind;
            }
        }
        return null;
    }
}
