package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import org.junit.jupiter.api.Test;

/** The Email History's HTML preview (a web view, costly to start) is made when an email opens. */
class HtmlPreviewOnDemandViewTest extends DemoConsoleCase {

    @Test
    void noHtmlPreviewIsMadeWhileNoEmailIsOpen() throws Exception {
        Node root = openContact("leo.martins", "Leo Martins");
        WAIT.until(() -> "No email has been sent to this contact.".equals(text(root, "#emptyLabel")));

        assertThat(robot.from(root).lookup(".web-view").tryQuery()).isEmpty();
    }

    @Test
    void theNewestEmailOpensInAPreviewMadeForIt() throws Exception {
        Node root = openContact("dana", "Dana Whitfield");

        WAIT.until(() -> robot.from(root).lookup(".web-view").tryQuery().isPresent());
    }
}
