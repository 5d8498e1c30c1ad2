package org.memberdesk.ui.viewmodel.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;
import org.memberdesk.ui.viewmodel.RecordingMailWindows;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;

/** The console runs the workflow engine while its database is open: a grant is welcomed without anyone asking. */
class ConsoleWorkflowEngineTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    final RecordingDialogService dialogs = RecordingDialogService.accepting();
    final AtomicReference<Services> opened = new AtomicReference<>();
    ConsoleViewModel console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private ConsoleViewModel console() {
        MailViewModel mail = new MailViewModel(executor, dialogs, new RecordingMailWindows(), new RecordingClipboard(),
                new RecordingLinkOpener(), messages);
        console = new ConsoleViewModel(new DataDirectory(dir), () -> {
            Services services = TestServices.open(dir, clock);
            opened.set(services);
            return services;
        }, executor, dialogs, new RecordingContactWindows(), mail, messages);
        return console;
    }

    @Test
    void aGrantWhileTheConsoleIsOpenQueuesTheWelcomeEmailByItselfAndClosingStopsTheEngine() throws Exception {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            seeded.contacts().add("new.member@example.com", "New Member", List.of(), Actor.agent("Sam"));
        }
        ConsoleViewModel console = console();
        assertThat(console.workflowsReadyProperty().get()).isFalse();

        console.start();

        Services services = opened.get();
        assertThat(services.workflows().isRunning()).isTrue();
        assertThat(console.workflowsReadyProperty().get()).isTrue();
        services.offers().grant("new.member@example.com", DemoData.MEMBERSHIP, null, Actor.agent("Sam"));

        // nobody calls runDue: the console's engine thread picks the grant up
        assertThat(within(20, () -> !services.emails().list("new.member@example.com").isEmpty())).isTrue();
        EmailView welcome = services.emails().list("new.member@example.com").get(0);
        assertThat(welcome.origin().code()).isEqualTo("workflow");
        assertThat(welcome.originDetail()).isEqualTo("Welcome new members");
        assertThat(welcome.offer()).isEqualTo(DemoData.MEMBERSHIP);
        assertThat(dialogs.errors()).isEmpty();

        console.close();
        assertThat(services.workflows().isRunning()).isFalse();
        assertThat(console.workflowsReadyProperty().get()).isFalse();
    }

    static boolean within(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
