package org.memberdesk.mail;

import org.memberdesk.domain.MintedToken;

/**
 * Makes the token of a link. The service layer supplies its one token implementation, so the
 * dispatcher mints links exactly as every other part of the app does.
 */
@FunctionalInterface
public interface LinkMinter {

    MintedToken mint();
}
