package org.memberdesk.mail;

/**
 * What every email shows of the business: its name, who signs (also the From display name when
 * set), the accent color of buttons and links ({@code #rrggbb}), the support address in the footer
 * (null: none) and whether a logo is stored (emails then show it from the portal's {@link #LOGO_PATH}).
 */
public record MailBrand(String businessName, String senderName, String accentColor, String supportEmail,
                        boolean hasLogo) {

    public static final String LOGO_PATH = "/brand/logo";
    public static final String DEFAULT_SIGNATURE = "The support team";
    public static final String DEFAULT_ACCENT = "#0969da";

    public static final MailBrand NONE = new MailBrand(null, null, DEFAULT_ACCENT, null, false);

    /** The line an email is signed with. */
    public String signature() {
        if (senderName != null && !senderName.isBlank()) {
            return senderName;
        }
        return businessName != null && !businessName.isBlank() ? "The " + businessName + " team" : DEFAULT_SIGNATURE;
    }
}
