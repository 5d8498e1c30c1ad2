package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.viewmodel.contact.OfferRow;

/**
 * A contact window first draws its Email History alone; the Actions and Offers pages join it when
 * their tab is chosen, showing what was read meanwhile, and stay. The HTML preview (a web view) is
 * made when an email opens.
 */
class ContactWindowPagesViewTest extends DemoConsoleCase {

    @Test
    void actionsAndOffersJoinTheWindowWhenTheirTabIsChosen() throws Exception {
        Node root = openContact("dana", "Dana Whitfield");
        assertThat(robot.from(root).lookup("#emailTable").tryQuery()).isPresent();
        assertThat(robot.from(root).lookup("#portalResetButton").tryQuery()).isEmpty();
        assertThat(robot.from(root).lookup("#offerTable").tryQuery()).isEmpty();

        robot.clickOn(tabHeader(root, "Actions"));
        Button reset = robot.from(root).lookup("#portalResetButton").queryButton();
        assertThat(reset.isDisabled()).isFalse();

        robot.clickOn(tabHeader(root, "Offers"));
        @SuppressWarnings("unchecked")
        TableView<OfferRow> offers = robot.from(root).lookup("#offerTable").queryAs(TableView.class);
        WAIT.until(() -> offers.getItems().size() == 2);

        robot.clickOn(tabHeader(root, "Email History"));
        robot.clickOn(tabHeader(root, "Actions"));
        assertThat(robot.from(root).lookup("#portalResetButton").queryButton()).isSameAs(reset);
        // her newest email is open, in the preview made for it
        WAIT.until(() -> robot.from(root).lookup(".web-view").tryQuery().isPresent());
    }

    @Test
    void noHtmlPreviewIsMadeWhileNoEmailIsOpen() throws Exception {
        Node root = openContact("leo.martins", "Leo Martins");
        WAIT.until(() -> "No email has been sent to this contact.".equals(text(root, "#emptyLabel")));

        assertThat(robot.from(root).lookup(".web-view").tryQuery()).isEmpty();
    }
}
