package org.memberdesk.ui.viewmodel.console;

import java.util.Objects;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.FilePicker;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TextClipboard;
import org.memberdesk.ui.viewmodel.contact.ContactWindows;
import org.memberdesk.ui.viewmodel.insight.InsightWindows;
import org.memberdesk.ui.viewmodel.mail.MailWindows;
import org.memberdesk.ui.viewmodel.workflow.WorkflowWindows;

/**
 * What the console and its sessions work with besides the back end: the executor, dialogs, texts,
 * the windows each feature opens, the clipboard and the file dialogs.
 */
public record ConsoleTools(BackgroundExecutor executor, DialogService dialogs, Messages messages,
                           ContactWindows contacts, MailWindows mail, WorkflowWindows workflows,
                           InsightWindows insight, TextClipboard clipboard, FilePicker files) {

    public ConsoleTools {
        Objects.requireNonNull(executor);
        Objects.requireNonNull(dialogs);
        Objects.requireNonNull(messages);
        Objects.requireNonNull(contacts);
        Objects.requireNonNull(mail);
        Objects.requireNonNull(workflows);
        Objects.requireNonNull(insight);
        Objects.requireNonNull(clipboard);
        Objects.requireNonNull(files);
    }
}
