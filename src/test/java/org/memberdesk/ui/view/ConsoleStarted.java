package org.memberdesk.ui.view;

import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import org.memberdesk.ui.common.Messages;
import org.testfx.api.FxRobot;

/**
 * The main window lists its first contacts before the database has opened (a page read straight
 * from the file): tests that go on to click rows or use menus wait for the database as well.
 */
final class ConsoleStarted {

    private ConsoleStarted() {
    }

    static void waitForDatabase(FxRobot robot) throws TimeoutException {
        String opening = Messages.load().get("console.opening");
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        FxWait.seconds(30).until(() -> !opening.equals(status.getText()));
    }
}
