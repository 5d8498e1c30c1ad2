package org.memberdesk.bench;

public enum Verdict {
    PASS("pass"), FAIL("FAIL"), INFO("info"), NOT_MEASURED("not yet measured"), NOT_RUN("not run");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
