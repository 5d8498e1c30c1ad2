package org.memberdesk.ui.viewmodel.insight;

import java.util.Objects;
import java.util.function.Supplier;
import org.memberdesk.service.Actor;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.FilePicker;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.DisplayTime;

/**
 * What the Diagnose, Activity and Import windows share: the executor, dialogs, file dialogs,
 * texts, the time format and the agent their actions are recorded for.
 */
public record InsightTools(BackgroundExecutor executor, DialogService dialogs, FilePicker files, Messages messages,
                           DisplayTime time, Supplier<Actor> agents) {

    public InsightTools {
        Objects.requireNonNull(executor);
        Objects.requireNonNull(dialogs);
        Objects.requireNonNull(files);
        Objects.requireNonNull(messages);
        Objects.requireNonNull(time);
        Objects.requireNonNull(agents);
    }

    /** With an agent that never changes (tests). */
    public InsightTools(BackgroundExecutor executor, DialogService dialogs, FilePicker files, Messages messages,
                        DisplayTime time, Actor agent) {
        this(executor, dialogs, files, messages, time, () -> agent);
    }

    /** The agent as named now: Settings may rename them while a window is open. */
    public Actor agent() {
        return agents.get();
    }
}
