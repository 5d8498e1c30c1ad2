package org.memberdesk.ui.viewmodel.contact;

import org.memberdesk.service.credentials.SeenPassword;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * One password's state as the Actions tab shows it: set or not and when, last login, lock; {@code
 * seen}, the password as shown, which Change Password starts from.
 */
public record CredentialState(String password, Tone passwordTone, boolean passwordSet, String lastLogin,
                              String lock, Tone lockTone, boolean locked, SeenPassword seen) {
}
