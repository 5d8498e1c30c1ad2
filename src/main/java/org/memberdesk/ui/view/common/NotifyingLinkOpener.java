package org.memberdesk.ui.view.common;

import java.util.function.Supplier;
import javafx.stage.Window;
import org.controlsfx.control.action.Action;
import org.memberdesk.ui.common.LinkNotOpened;
import org.memberdesk.ui.common.LinkOpener;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TextClipboard;

/**
 * Opens links through the platform; when that fails, a notification over the working window says
 * so and offers Copy link, so the agent can paste the address where it can be opened.
 */
public final class NotifyingLinkOpener implements LinkOpener {

    private final LinkOpener platform;
    private final TextClipboard clipboard;
    private final Messages messages;
    private final Supplier<Window> workingWindow;

    public NotifyingLinkOpener(LinkOpener platform, TextClipboard clipboard, Messages messages,
                               Supplier<Window> workingWindow) {
        this.platform = platform;
        this.clipboard = clipboard;
        this.messages = messages;
        this.workingWindow = workingWindow;
    }

    @Override
    public void open(String url) {
        try {
            platform.open(url);
        } catch (LinkNotOpened e) {
            Action copy = new Action(messages.get("link.copy"), event -> clipboard.putText(url));
            Notices.show(workingWindow.get(), messages.get("link.failed", url), copy);
        }
    }
}
