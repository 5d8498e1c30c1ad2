package org.memberdesk.ui.viewmodel.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.contact.EmailHistoryViewModel;
import org.memberdesk.ui.viewmodel.contact.EmailRow;

/** A contact's Email History says which workflow sent an email. */
class WorkflowEmailHistoryTest {

    static final Actor SAM = Actor.agent("Sam (support)");
    static final String AISHA = "aisha.rahman@example.org";

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    Services services;

    @BeforeEach
    void seed() {
        services = DemoDirectory.seeded(dir, clock);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void anEmailAWorkflowQueuedIsSentByThatWorkflow() {
        services.workflows().create(new WorkflowDefinition("Reset when cant-login", true,
                TriggerSpec.tagAdded("cant-login"), List.of(), List.of(ActionSpec.sendResetLink())), SAM);
        services.contacts().edit(AISHA, null, null, List.of("asks-membership", "cant-login"), SAM);
        assertThat(services.workflows().runDue().done()).isEqualTo(1);
        UUID aisha = services.contacts().byEmail(AISHA).id();

        EmailHistoryViewModel history = new EmailHistoryViewModel(services.emails(), aisha, new DeliveryFeed(executor),
                new EmailHistoryViewModel.Tools(executor, RecordingDialogService.accepting(), new RecordingClipboard(),
                        messages, new DisplayTime(ZoneOffset.UTC, messages.locale()), SAM));
        history.load();

        assertThat(history.rows()).first().extracting(EmailRow::sentBy)
                .isEqualTo("Workflow: Reset when cant-login");
        assertThat(history.openedProperty().get().sentBy()).isEqualTo("Workflow: Reset when cant-login");
        history.close();
    }
}
