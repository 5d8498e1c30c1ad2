package org.memberdesk.service;

import java.util.Locale;

/**
 * A state that a service result carries (an email's status, a grant's, a link's). Its code is the
 * constant's name in lower case with dashes ({@code RESET_LINK} is "reset-link"): the code
 * DESIGN.md's JSON prints and that messages show.
 */
public interface StateCode {

    /** The constant's name; every enum has it. */
    String name();

    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
