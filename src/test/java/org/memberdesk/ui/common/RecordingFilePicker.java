package org.memberdesk.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers every file dialog with a preset path (or a cancel) and records the titles asked with. */
public final class RecordingFilePicker implements FilePicker {

    private final Path answer;
    private final List<String> asked = new ArrayList<>();

    private RecordingFilePicker(Path answer) {
        this.answer = answer;
    }

    public static RecordingFilePicker answering(Path path) {
        return new RecordingFilePicker(path);
    }

    public static RecordingFilePicker cancelling() {
        return new RecordingFilePicker(null);
    }

    @Override
    public Optional<Path> openCsv(String title) {
        asked.add(title);
        return Optional.ofNullable(answer);
    }

    @Override
    public Optional<Path> saveCsv(String title, String suggestedName) {
        asked.add(title + " [" + suggestedName + "]");
        return Optional.ofNullable(answer);
    }

    public List<String> asked() {
        return asked;
    }
}
