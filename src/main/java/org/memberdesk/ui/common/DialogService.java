package org.memberdesk.ui.common;

/** The dialogs a view model may ask for, without knowing how they are drawn. Called on the UI thread. */
public interface DialogService {

    /** Asks a question with two answers; true when the user picked {@code acceptLabel}. */
    boolean confirm(String title, String question, String details, String acceptLabel, String declineLabel);

    void showError(String title, String message);
}
