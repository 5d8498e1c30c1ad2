package org.memberdesk.service.portal;

/**
 * A change to the brand. A null field stays as it is; an empty sender name, colour or support
 * address removes it. {@code logo} holds the bytes of a new logo; {@code removeLogo} removes the stored one.
 */
public record BrandingChange(String businessName, String senderName, byte[] logo, boolean removeLogo,
                             String accentColor, String supportEmail) {
}
