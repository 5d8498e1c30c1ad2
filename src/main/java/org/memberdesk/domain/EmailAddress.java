package org.memberdesk.domain;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/** A contact's email address: trimmed, lower-cased and checked to be a plain addr-spec. */
public final class EmailAddress {

    private EmailAddress() {
    }

    /** Returns the normalized address, or throws {@link InvalidInputException} saying what is wrong. */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("email is required");
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254) {
            throw new InvalidInputException("email is longer than 254 characters");
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            if (address.getPersonal() != null || !email.equals(address.getAddress())
                    || !email.contains("@") || email.indexOf('@') == 0
                    || !email.substring(email.indexOf('@') + 1).contains(".")) {
                throw new AddressException("not a plain address");
            }
        } catch (AddressException e) {
            throw new InvalidInputException("'" + raw.trim() + "' is not a valid email address");
        }
        return email;
    }
}
