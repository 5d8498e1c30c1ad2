package org.memberdesk.service.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.mail.MailBrand;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.JoinsTransaction;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;

/**
 * The business's brand, shown by the portal pages and every email: its name, the sender name
 * (the From display name and the sign-off), the logo, the accent colour and the support address.
 */
public final class BrandingService {

    public static final String NAME_SETTING = PortalSiteService.BRAND_NAME_SETTING;
    public static final String COLOR_SETTING = PortalSiteService.BRAND_COLOR_SETTING;
    public static final String SENDER_SETTING = org.memberdesk.mail.MailSettingsStore.SENDER_NAME;
    public static final String SUPPORT_SETTING = "branding.support-email";
    public static final String LOGO_SETTING = "branding.logo";
    public static final String LOGO_TYPE_SETTING = "branding.logo-type";
    /** Where the portal serves the logo; emails show it from the portal's public address. */
    public static final String LOGO_PATH = MailBrand.LOGO_PATH;
    /** Emails load the logo on every open: a small file keeps them light. */
    public static final int MAX_LOGO_BYTES = 256 * 1024;
    public static final int MAX_NAME = 80;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;

    public BrandingService(Transactions tx, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public BrandingView show() {
        return tx.read(BrandingService::view);
    }

    /** The stored logo, for the portal's {@link #LOGO_PATH}. */
    public Optional<Logo> logo() {
        return tx.read(BrandingService::logo);
    }

    /** Checks the whole change, then stores it, recorded in Activity; a bad field changes nothing. */
    public BrandingView save(BrandingChange change, Actor actor) {
        String name = change.businessName() == null ? null : checkName(change.businessName(), "business name");
        String sender = change.senderName() == null || change.senderName().isBlank() ? change.senderName()
                : checkName(change.senderName(), "sender name");
        String color = change.accentColor() == null || change.accentColor().isBlank() ? change.accentColor()
                : checkColor(change.accentColor());
        String support = change.supportEmail() == null || change.supportEmail().isBlank() ? change.supportEmail()
                : checkSupport(change.supportEmail());
        Logo logo = change.logo() == null ? null : checkLogo(change.logo());
        return tx.write(t -> {
            Instant now = clock.instant();
            List<String> changed = new ArrayList<>();
            if (name != null) {
                t.settings().put(NAME_SETTING, name, now);
                changed.add("name " + name);
            }
            putOrRemove(t, SENDER_SETTING, sender, now, "sender name", changed);
            putOrRemove(t, COLOR_SETTING, color, now, "accent colour", changed);
            putOrRemove(t, SUPPORT_SETTING, support, now, "support address", changed);
            if (logo != null) {
                t.settings().put(LOGO_SETTING, Base64.getEncoder().encodeToString(logo.bytes()), now);
                t.settings().put(LOGO_TYPE_SETTING, logo.contentType(), now);
                changed.add("logo " + logo.contentType() + " (" + logo.bytes().length + " bytes)");
            } else if (change.removeLogo()) {
                t.settings().remove(LOGO_SETTING);
                t.settings().remove(LOGO_TYPE_SETTING);
                changed.add("logo removed");
            }
            if (!changed.isEmpty()) {
                audit.record(t, actor, "branding.changed", null, String.join("; ", changed));
            }
            return view(t);
        });
    }

    private static void putOrRemove(Tx t, String key, String value, Instant now, String label, List<String> changed) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            t.settings().remove(key);
            changed.add(label + " removed");
        } else {
            t.settings().put(key, value, now);
            changed.add(label + " " + value);
        }
    }

    static String checkName(String raw, String what) {
        String name = raw.strip();
        if (name.isEmpty()) {
            throw new UserError("the " + what + " is empty; nothing was changed");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new UserError("the " + what + " must be one line without control characters; nothing was changed");
        }
        if (name.length() > MAX_NAME) {
            throw new UserError("the " + what + " is longer than " + MAX_NAME + " characters; nothing was changed");
        }
        return name;
    }

    static String checkColor(String raw) {
        String color = raw.strip();
        if (!COLOR.matcher(color).matches()) {
            throw new UserError("'" + color + "' is not a colour written #rrggbb (such as #3b5bdb); nothing was"
                    + " changed");
        }
        return color.toLowerCase(Locale.ROOT);
    }

    static String checkSupport(String raw) {
        try {
            return EmailAddress.normalize(raw);
        } catch (InvalidInputException e) {
            throw new UserError("the support address is not usable: " + e.getMessage() + "; nothing was changed");
        }
    }

    /** A PNG or JPEG within {@link #MAX_LOGO_BYTES}, told by its first bytes; anything else is refused with why. */
    public static Logo checkLogo(byte[] bytes) {
        if (bytes.length == 0) {
            throw new UserError("the logo file is empty; nothing was changed");
        }
        String type = startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a) ? "image/png"
                : startsWith(bytes, 0xff, 0xd8, 0xff) ? "image/jpeg" : null;
        if (type == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, 512), java.nio.charset.StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT);
            if (head.contains("<svg") || head.stripLeading().startsWith("<")) {
                throw new UserError("the logo is an SVG (or other markup) file, which can carry scripts and many email"
                        + " programs do not show: use a PNG or JPEG; nothing was changed");
            }
            throw new UserError("the logo is not a PNG or JPEG image; nothing was changed");
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new UserError("the logo is " + (bytes.length / 1024) + " KiB; at most " + (MAX_LOGO_BYTES / 1024)
                    + " KiB, so emails stay light; nothing was changed");
        }
        return new Logo(type, bytes.clone());
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The brand as emails show it, read in the caller's transaction. */
    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public static MailBrand mailBrand(Tx t) {
        String color = get(t, COLOR_SETTING);
        String accent = color == null ? MailBrand.DEFAULT_ACCENT : PortalSiteService.branding(null, color).accent();
        return new MailBrand(get(t, NAME_SETTING), get(t, SENDER_SETTING), accent, get(t, SUPPORT_SETTING),
                hasLogo(t));
    }

    /** Whether a logo is stored, without reading it: pages and emails ask on every request. */
    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    static boolean hasLogo(Tx t) {
        return get(t, LOGO_TYPE_SETTING) != null;
    }

    /** The support address, or null. */
    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    static String supportEmail(Tx t) {
        return get(t, SUPPORT_SETTING);
    }

    private static BrandingView view(Tx t) {
        Optional<Logo> logo = logo(t);
        return new BrandingView(get(t, NAME_SETTING), get(t, SENDER_SETTING), get(t, COLOR_SETTING),
                get(t, SUPPORT_SETTING), logo.map(Logo::contentType).orElse(null),
                logo.map(l -> l.bytes().length).orElse(0));
    }

    private static Optional<Logo> logo(Tx t) {
        Optional<String> type = t.settings().get(LOGO_TYPE_SETTING).filter(s -> !s.isBlank());
        Optional<String> data = t.settings().get(LOGO_SETTING).filter(s -> !s.isBlank());
        if (type.isEmpty() || data.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Logo(type.get(), Base64.getDecoder().decode(data.get())));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static String get(Tx t, String key) {
        return t.settings().get(key).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }
}
