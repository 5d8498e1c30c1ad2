package org.memberdesk.ui.viewmodel;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.FilePicker;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.viewmodel.console.ConsoleShell;
import org.memberdesk.ui.viewmodel.console.ConsoleStartup;
import org.memberdesk.ui.viewmodel.console.ConsoleTools;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactWindows;
import org.memberdesk.ui.viewmodel.insight.InsightWindows;
import org.memberdesk.ui.viewmodel.mail.MailWindows;
import org.memberdesk.ui.viewmodel.workflow.WorkflowWindows;

/** Consoles over a test data directory, with recording windows: no window shows. */
public final class TestConsoles {

    private TestConsoles() {
    }

    public static ConsoleTools tools(BackgroundExecutor executor, DialogService dialogs, Messages messages,
                                     ContactWindows contacts, MailWindows mail) {
        return tools(executor, dialogs, messages, contacts, mail, WorkflowWindows.NONE, new RecordingInsightWindows(),
                RecordingFilePicker.cancelling());
    }

    public static ConsoleTools tools(BackgroundExecutor executor, DialogService dialogs, Messages messages,
                                     ContactWindows contacts, MailWindows mail, WorkflowWindows workflows,
                                     InsightWindows insight, FilePicker files) {
        return new ConsoleTools(executor, dialogs, messages, contacts, mail, workflows, insight,
                new RecordingClipboard(), files);
    }

    /** A console that opens {@code dir} with the test clock, without portal or welcome. */
    public static ConsoleViewModel console(Path dir, TestClock clock, ConsoleTools tools) {
        return console(dir, () -> TestServices.open(dir, clock), tools, ConsoleShell.none());
    }

    public static ConsoleViewModel console(Path dir, Callable<Services> opener, ConsoleTools tools,
                                           ConsoleShell shell) {
        return new ConsoleViewModel(ConsoleStartup.of(new DataDirectory(dir), opener), tools, shell);
    }
}
