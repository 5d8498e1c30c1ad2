package org.memberdesk.bench;

/** One line of the results table. */
public record Row(String id, String what, String target, String measured, Verdict verdict) {

    public static Row info(String id, String what, String measured) {
        return new Row(id, what, "-", measured, Verdict.INFO);
    }
}
