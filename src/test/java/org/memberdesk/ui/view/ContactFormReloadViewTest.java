package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.TestServices;

/** Edit contact in the real console while another desk edits the same contact on the same data directory. */
class ContactFormReloadViewTest extends DemoConsoleCase {

    @Test
    void aSaveOverAnotherDesksEditSaysWhoAndReloadShowsTheirValues() throws Exception {
        Node root = openContact("aisha", "Aisha Rahman");
        robot.clickOn(tabHeader(root, "Actions"));
        robot.clickOn(robot.from(root).lookup("#editContactButton").queryButton());
        Node form = WAIT.present(() -> window("Edit contact")).getScene().getRoot();
        TextField name = robot.from(form).lookup("#nameField").queryAs(TextField.class);
        TextField tags = robot.from(form).lookup("#tagsField").queryAs(TextField.class);
        Hyperlink reload = robot.from(form).lookup("#reloadLink").queryAs(Hyperlink.class);
        assertThat(reload.isVisible()).as("nothing to reload yet").isFalse();
        robot.interact(() -> name.setText("Aisha R. Rahman"));

        try (Services otherDesk = TestServices.open(dir, clock)) {
            UUID id = otherDesk.contacts().byEmail("aisha.rahman@example.org").id();
            otherDesk.contacts().change(id, otherDesk.contacts().card(id).version(), null, "Aisha Rahman-Iqbal",
                    List.of("billing"), Actor.agent("Bob (billing)"));
        }
        robot.clickOn(robot.from(form).lookup("#saveButton").queryButton());

        WAIT.until(() -> text(form, "#errorLabel").contains("This contact was changed by Bob (billing)"));
        WAIT.until(reload::isVisible);
        assertThat(window("Edit contact")).isPresent();
        assertThat(name.getText()).as("what was typed is still there").isEqualTo("Aisha R. Rahman");
        assertThat(reload.isFocusTraversable()).as("Tab reaches it").isTrue();

        robot.clickOn(reload);

        WAIT.until(() -> "Aisha Rahman-Iqbal".equals(name.getText()));
        assertThat(tags.getText()).isEqualTo("billing");
        WAIT.until(() -> !reload.isVisible());
        assertThat(text(form, "#errorLabel")).isEmpty();

        robot.interact(() -> tags.setText("billing, vip"));
        robot.clickOn(robot.from(form).lookup("#saveButton").queryButton());
        WAIT.until(() -> window("Edit contact").isEmpty());
        WAIT.until(() -> "Aisha Rahman-Iqbal".equals(text(root, "#nameLabel")));
    }

    // ---- helpers ----
}
