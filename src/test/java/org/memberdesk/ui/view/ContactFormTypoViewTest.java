package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.TestServices;

/** New contact and Edit contact warn under the email field about a likely mistyped domain, with one click to fix it. */
class ContactFormTypoViewTest extends DemoConsoleCase {

    @Test
    void newContactWarnsAsTheAgentTypesAndOneClickTakesTheSuggestion() throws Exception {
        robot.clickOn("#searchField");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        Node form = WAIT.present(() -> window("New contact")).getScene().getRoot();
        Node warning = robot.from(form).lookup("#emailWarningBox").queryAs(Node.class);
        Hyperlink use = robot.from(form).lookup("#useSuggestionLink").queryAs(Hyperlink.class);
        TextField email = robot.from(form).lookup("#emailField").queryAs(TextField.class);
        assertThat(warning.isVisible()).as("no warning on an empty form").isFalse();

        robot.clickOn(robot.from(form).lookup("#nameField").queryAs(Node.class)).write("Robin Ahmed");
        robot.clickOn(email).write("robin.ahmed@gmial.com");

        WAIT.until(warning::isVisible);
        assertThat(text(form, "#emailWarningLabel")).isEqualTo("gmial.com looks like a typo of gmail.com."
                + " It can be saved as typed.");
        assertThat(use.getText()).isEqualTo("Use robin.ahmed@gmail.com");

        robot.clickOn(use);

        WAIT.until(() -> "robin.ahmed@gmail.com".equals(email.getText()));
        WAIT.until(() -> !warning.isVisible());
        robot.clickOn(robot.from(form).lookup("#saveButton").queryButton());
        Stage contact = WAIT.present(() -> window("Robin Ahmed"));
        WAIT.until(() -> "robin.ahmed@gmail.com".equals(text(contact.getScene().getRoot(), "#emailLabel")));
    }

    @Test
    void aWarningIsNoRefusal() throws Exception {
        Node root = openContact("aisha", "Aisha Rahman");
        robot.clickOn(tabHeader(root, "Actions"));
        robot.clickOn(robot.from(root).lookup("#editContactButton").queryButton());
        Node form = WAIT.present(() -> window("Edit contact")).getScene().getRoot();
        TextField email = robot.from(form).lookup("#emailField").queryAs(TextField.class);
        Node warning = robot.from(form).lookup("#emailWarningBox").queryAs(Node.class);

        robot.interact(() -> email.setText("aisha.rahman@hotmial.com"));
        WAIT.until(warning::isVisible);
        assertThat(text(form, "#emailWarningLabel")).startsWith("hotmial.com looks like a typo of hotmail.com");
        // A real domain one letter away from a common one is left alone.
        robot.interact(() -> email.setText("aisha.rahman@ymail.com"));
        WAIT.until(() -> !warning.isVisible());
        robot.interact(() -> email.setText("aisha.rahman@hotmial.com"));
        WAIT.until(warning::isVisible);
        ComboBox<?> verifiedBy = robot.from(form).lookup("#verifiedByBox").queryComboBox();
        robot.clickOn(verifiedBy);
        robot.clickOn(robot.lookup(".list-cell").match((Labeled cell) -> "Reply from the address on file"
                .equals(cell.getText())).queryAs(Node.class));

        robot.clickOn(robot.from(form).lookup("#saveButton").queryButton());

        WAIT.until(() -> window("Edit contact").isEmpty());
        WAIT.until(() -> "aisha.rahman@hotmial.com".equals(text(root, "#emailLabel")));
        Node offer = WAIT.present(() -> window("Email address changed")).getScene().getRoot();
        robot.clickOn(robot.from(offer).lookup(".button")
                .match((Labeled button) -> "Not now".equals(button.getText())).queryButton());
        WAIT.until(() -> window("Email address changed").isEmpty());
        try (Services services = TestServices.open(dir, clock)) {
            assertThat(services.contacts().byEmail("aisha.rahman@hotmial.com").name()).isEqualTo("Aisha Rahman");
        }
    }
}
