package org.memberdesk.service.portal;

/**
 * The brand as stored: null where nothing is set (the portal then says "Member Portal", emails are
 * signed "The support team"). {@code logoType} is image/png or image/jpeg, {@code logoBytes} its size.
 */
public record BrandingView(String businessName, String senderName, String accentColor, String supportEmail,
                           String logoType, int logoBytes) {

    public boolean hasLogo() {
        return logoType != null;
    }
}
