package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;

class DatabaseWatchTest {

    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    final ConsoleStatus status = new ConsoleStatus(messages);
    final AtomicReference<Optional<String>> server = new AtomicReference<>(Optional.empty());
    final DatabaseWatch watch = new DatabaseWatch(server::get, executor, status, messages);

    @Test
    void theStatusLineSaysWhileTheServerIsAwayAndWhenItIsBack() {
        watch.start();
        executor.elapseTimers();
        assertThat(watch.problemProperty().get()).isNull();
        assertThat(status.messageProperty().get()).doesNotContain("unreachable");

        server.set(Optional.of("Database unreachable: the PostgreSQL server db:5432/memberdesk cannot be reached"));
        executor.elapseTimers();
        assertThat(watch.problemProperty().get()).contains("db:5432");
        assertThat(status.messageProperty().get()).startsWith("Database unreachable, retrying.").contains("db:5432");

        server.set(Optional.empty());
        executor.elapseTimers();
        assertThat(watch.problemProperty().get()).isNull();
        assertThat(status.messageProperty().get()).startsWith("The database answers again");
    }

    @Test
    void aStoppedWatchLooksNoMore() {
        watch.start();
        watch.stop();
        server.set(Optional.of("Database unreachable: gone"));
        executor.elapseTimers();
        assertThat(watch.problemProperty().get()).isNull();
        assertThat(executor.heldTimers()).isZero();
    }
}
