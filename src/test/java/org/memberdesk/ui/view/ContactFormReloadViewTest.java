package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.MemberDeskApp;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Edit contact in the real console while another desk edits the same contact on the same data directory. */
class ContactFormReloadViewTest {

    private static final FxWait WAIT = FxWait.seconds(30);

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    TestClock clock;
    MemberDeskApp app;

    @BeforeEach
    void startConsoleOnDemoData() throws Exception {
        clock = new TestClock(Instant.now(), ZoneId.systemDefault());
        try (Services services = TestServices.open(dir, clock)) {
            services.demo().seed();
        }
        FxToolkit.registerPrimaryStage();
        app = (MemberDeskApp) FxToolkit.setupApplication(() -> new MemberDeskApp(new DataDirectory(dir), clock));
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        ConsoleStarted.waitForDatabase(robot);
    }

    @AfterEach
    void stopConsole() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
    }

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

    private Node openContact(String query, String name) throws Exception {
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        robot.clickOn("#searchField").write(query);
        WAIT.until(() -> contacts.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        Node root = WAIT.present(() -> window(name)).getScene().getRoot();
        WAIT.until(() -> !text(root, "#emailLabel").isEmpty());
        return root;
    }

    private Optional<Stage> window(String titleStart) {
        return Window.getWindows().stream()
                .filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> stage.isShowing() && stage.getTitle() != null && stage.getTitle().startsWith(titleStart))
                .findFirst();
    }

    private String text(Node root, String query) {
        return robot.from(root).lookup(query).queryAs(Label.class).getText();
    }

    private Node tabHeader(Node root, String title) {
        return robot.from(root).lookup(".tab-label").match((Labeled label) -> title.equals(label.getText())).query();
    }
}
