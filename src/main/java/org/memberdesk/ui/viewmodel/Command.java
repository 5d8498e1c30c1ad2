package org.memberdesk.ui.viewmodel;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.memberdesk.ui.common.BackgroundExecutor;

/**
 * One thing a view model does in the background, such as "send the reset link": it is
 * {@code running} while the call is under way, {@code executable} when its condition holds and it
 * is not running, and keeps the last {@code error}. A run asked for while one is under way, or
 * while the condition is false, is ignored. Success and failure callbacks run on the UI thread;
 * the failure handler says what went wrong (a dialog, a line in the window).
 *
 * <p>The idea of mvvmFX's {@code DelegateCommand} and JabRef's {@code BackgroundTask}, cut to what
 * our view models need.
 */
public final class Command {

    private final BackgroundExecutor executor;
    private final Consumer<? super Exception> onFailure;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper executable = new ReadOnlyBooleanWrapper(this, "executable");
    private final ReadOnlyObjectWrapper<Exception> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final BooleanBinding allowedAndIdle;

    /** A command that may run whenever it is not already running. */
    public Command(BackgroundExecutor executor, Consumer<? super Exception> onFailure) {
        this(executor, new ReadOnlyBooleanWrapper(true), onFailure);
    }

    /** A command that may run while {@code allowed} holds and it is not already running. */
    public Command(BackgroundExecutor executor, ObservableBooleanValue allowed, Consumer<? super Exception> onFailure) {
        this.executor = Objects.requireNonNull(executor);
        this.onFailure = Objects.requireNonNull(onFailure);
        this.allowedAndIdle = Bindings.createBooleanBinding(() -> allowed.get() && !running.get(), allowed, running);
        executable.bind(allowedAndIdle);
    }

    /**
     * Runs {@code work} in the background, then {@code onSuccess} with its result on the UI thread.
     * Returns false, and runs nothing, when the command is not executable.
     */
    public <T> boolean run(Callable<T> work, Consumer<? super T> onSuccess) {
        if (!executable.get()) {
            return false;
        }
        running.set(true);
        error.set(null);
        executor.submit(work, result -> {
            running.set(false);
            onSuccess.accept(result);
        }, failure -> {
            running.set(false);
            error.set(failure);
            onFailure.accept(failure);
        });
        return true;
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty executableProperty() {
        return executable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Exception> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
