package org.memberdesk.mail;

import org.memberdesk.domain.MintedToken;
import org.memberdesk.domain.TokenPurpose;

/**
 * Makes the token of a link, or a verification code, for the purpose given. The service layer
 * supplies its one implementation, so the dispatcher mints them exactly as every other part of the
 * app does.
 */
@FunctionalInterface
public interface LinkMinter {

    MintedToken mint(TokenPurpose purpose);
}
