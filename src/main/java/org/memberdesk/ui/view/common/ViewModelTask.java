package org.memberdesk.ui.view.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.concurrent.Task;
import org.controlsfx.control.TaskProgressView;

/**
 * A view model's background work as the {@link Task} a {@link TaskProgressView} lists. The work
 * itself runs in the view model; this task only mirrors its progress and text while it runs, ends
 * when it ends, and passes the view's Cancel on (when {@code cancel} is given).
 */
public final class ViewModelTask extends Task<Void> {

    private ViewModelTask(String title) {
        updateTitle(title);
    }

    /** Lists one task in {@code view} each time {@code running} turns true, until it turns false again. */
    public static void follow(TaskProgressView<Task<?>> view, String title, ObservableBooleanValue running,
                              ObservableNumberValue progress, ObservableStringValue text, Runnable cancel) {
        ViewModelTask[] current = new ViewModelTask[1];
        Runnable start = () -> {
            ViewModelTask task = new ViewModelTask(title);
            task.show(progress, text);
            progress.addListener(o -> task.show(progress, text));
            text.addListener(o -> task.show(progress, text));
            if (cancel != null) {
                task.setOnCancelled(event -> cancel.run());
            }
            current[0] = task;
            view.getTasks().add(task);
        };
        running.addListener((o, before, now) -> {
            if (now) {
                start.run();
            } else if (current[0] != null) {
                ViewModelTask ended = current[0];
                current[0] = null;
                if (!ended.isDone()) {
                    ended.run(); // nothing left to do: the task succeeds, and the view drops it
                }
            }
        });
        if (running.get()) {
            start.run();
        }
    }

    private void show(ObservableNumberValue progress, ObservableStringValue text) {
        if (isDone()) {
            return;
        }
        double fraction = progress.doubleValue();
        if (fraction < 0) {
            updateProgress(-1, 1);
        } else {
            updateProgress(fraction, 1);
        }
        updateMessage(text.get() == null ? "" : text.get());
    }

    @Override
    protected Void call() {
        return null;
    }
}
