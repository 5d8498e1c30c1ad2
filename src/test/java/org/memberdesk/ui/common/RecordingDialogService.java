package org.memberdesk.ui.common;

import java.util.ArrayList;
import java.util.List;

/** Answers every confirmation with a preset answer and records what was asked and shown. */
public final class RecordingDialogService implements DialogService {

    public record Asked(String title, String question, String details, String acceptLabel, String declineLabel) {
    }

    public record Shown(String title, String message) {
    }

    private final boolean answer;
    private final List<Asked> asked = new ArrayList<>();
    private final List<Shown> errors = new ArrayList<>();

    private RecordingDialogService(boolean answer) {
        this.answer = answer;
    }

    public static RecordingDialogService accepting() {
        return new RecordingDialogService(true);
    }

    public static RecordingDialogService declining() {
        return new RecordingDialogService(false);
    }

    @Override
    public boolean confirm(String title, String question, String details, String acceptLabel, String declineLabel) {
        asked.add(new Asked(title, question, details, acceptLabel, declineLabel));
        return answer;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(new Shown(title, message));
    }

    public List<Asked> asked() {
        return asked;
    }

    public List<Shown> errors() {
        return errors;
    }
}
