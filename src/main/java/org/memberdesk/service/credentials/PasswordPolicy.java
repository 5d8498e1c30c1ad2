package org.memberdesk.service.credentials;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.memberdesk.service.UserError;
import org.memberdesk.service.credentials.WordList;

/**
 * What a new password must be, after NIST SP 800-63B-4 for a password that is the only factor:
 * 15 to 128 characters (counted after NFKC normalisation, in code points), no composition rules,
 * and not on the list of commonly used passwords (nor the contact's own email address). Existing
 * passwords are never judged by it: sign-in only checks the hash.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 128;

    /** Read on the first password judged, not when the services are wired: most commands never judge one. */
    private static final class Common {
        static final Set<String> WORDS = new HashSet<>(WordList.load("common-passwords.txt"));
    }

    /** Why a password is refused, or empty when it is acceptable. */
    public Optional<String> problem(String typed, String contactEmail) {
        if (typed == null || typed.isEmpty()) {
            return Optional.of("enter a password");
        }
        String password = PasswordHasher.normalize(typed);
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("use at least " + MIN_LENGTH + " characters (" + length + " so far)");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("use at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (Common.WORDS.contains(lower)) {
            return Optional.of("this password is on a list of commonly used passwords: choose another");
        }
        if (contactEmail != null && !contactEmail.isBlank()) {
            String email = contactEmail.toLowerCase(Locale.ROOT);
            String localPart = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
            if (lower.equals(email) || lower.equals(localPart)) {
                return Optional.of("the password may not be the contact's email address");
            }
        }
        return Optional.empty();
    }

    /** Throws a {@link UserError} naming the problem, if any. */
    public void check(String password, String contactEmail) {
        problem(password, contactEmail).ifPresent(p -> {
            throw new UserError("password refused: " + p);
        });
    }
}
