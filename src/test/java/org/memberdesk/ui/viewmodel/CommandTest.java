package org.memberdesk.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.common.TestExecutor;

class CommandTest {

    private final TestExecutor executor = TestExecutor.currentThread().holdWork();
    private final List<Exception> shown = new ArrayList<>();

    @Test
    void isRunningUntilTheWorkEndsAndRefusesASecondRunMeanwhile() {
        Command send = new Command(executor, shown::add);
        List<String> results = new ArrayList<>();

        assertThat(send.run(() -> "sent", results::add)).isTrue();
        assertThat(send.isRunning()).isTrue();
        assertThat(send.executableProperty().get()).isFalse();
        assertThat(send.run(() -> "twice", results::add)).isFalse();

        executor.runHeldWork();

        assertThat(results).containsExactly("sent");
        assertThat(send.isRunning()).isFalse();
        assertThat(send.executableProperty().get()).isTrue();
        assertThat(executor.submitted()).isEqualTo(1);
    }

    @Test
    void keepsTheErrorAndHandsItToTheFailureHandlerUntilTheNextRun() {
        Command send = new Command(executor, shown::add);
        IllegalStateException refused = new IllegalStateException("SMTP server refused");

        send.run(() -> {
            throw refused;
        }, result -> { });
        executor.runHeldWork();

        assertThat(shown).containsExactly(refused);
        assertThat(send.errorProperty().get()).isSameAs(refused);
        assertThat(send.isRunning()).isFalse();

        send.run(() -> "ok", result -> { });
        assertThat(send.errorProperty().get()).isNull();
    }

    @Test
    void runsOnlyWhileItsConditionHolds() {
        SimpleBooleanProperty contactLoaded = new SimpleBooleanProperty(false);
        Command unlock = new Command(executor, contactLoaded, shown::add);

        assertThat(unlock.executableProperty().get()).isFalse();
        assertThat(unlock.run(() -> "unlocked", result -> { })).isFalse();
        assertThat(executor.submitted()).isZero();

        contactLoaded.set(true);
        assertThat(unlock.executableProperty().get()).isTrue();
        assertThat(unlock.run(() -> "unlocked", result -> { })).isTrue();
    }
}
