package org.memberdesk.ui.viewmodel.mail;

import java.util.List;

/** One email kind in the editor's chooser: its code, what it is, whether offers may have their own, its variables. */
public record TemplateKindChoice(String code, String description, boolean perOffer, List<String> variables) {

    /** As the chooser lists it: the code, as the command line names it; the description shows beside it. */
    @Override
    public String toString() {
        return code;
    }
}
