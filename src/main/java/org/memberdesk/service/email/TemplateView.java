package org.memberdesk.service.email;

import java.util.List;

/**
 * One template as it is used now: each part's text and where it comes from ({@code offer}: the
 * offer's own, {@code default}: the business's, {@code bundled}: the one shipped), the variables
 * it may use and whether it must carry {@code {{link}}}.
 */
public record TemplateView(TemplateKindCode kind, String offer, String description, String subject, String text,
                           String html, String subjectFrom, String textFrom, String htmlFrom, List<String> variables,
                           List<String> partials, boolean linkRequired, boolean perOffer) {

    /** Whether any part differs from the bundled template. */
    public boolean customized() {
        return !subjectFrom.equals(BUNDLED) || !textFrom.equals(BUNDLED) || !htmlFrom.equals(BUNDLED);
    }

    public static final String OFFER = "offer";
    public static final String DEFAULT = "default";
    public static final String BUNDLED = "bundled";
}
