package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.MemberDeskApp;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real console on the demo data: Ben Carter is locked out. The agent opens him, presses
 * Shortcut+D, answers "Not sure", runs the checks, and presses Unlock on the finding; the checks
 * run again and find nothing, his window says "not locked", and the database agrees.
 */
class DiagnoseViewTest {

    private static final FxWait WAIT = FxWait.seconds(20);

    static final String BEN = "ben.carter@example.com";

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    TestClock clock;
    MemberDeskApp app;
    UUID benId;

    @BeforeEach
    void startConsoleOnDemoData() throws Exception {
        clock = new TestClock(Instant.parse(TestServices.START), ZoneId.systemDefault());
        try (Services services = TestServices.open(dir, clock)) {
            services.demo().seed();
            benId = services.contacts().byEmail(BEN).id();
            assertThat(services.contacts().card(benId).portal().locked()).isTrue();
        }
        FxToolkit.registerPrimaryStage();
        app = (MemberDeskApp) FxToolkit.setupApplication(() -> new MemberDeskApp(new DataDirectory(dir), clock));
    }

    @AfterEach
    void stopConsole() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void diagnosingBenFindsTheLockAndOneClickUnlocksHim() throws Exception {
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        ConsoleStarted.waitForDatabase(robot);
        robot.clickOn("#searchField").write("ben carter");
        WAIT.until(() -> contacts.getItems().size() == 1);
        robot.type(KeyCode.ENTER);

        Stage contactWindow = WAIT.present(() -> window("Ben Carter \u2014 MemberDesk"));
        Node contactRoot = contactWindow.getScene().getRoot();
        WAIT.until(() -> text(contactRoot, "#summaryLabel").contains("locked") && !text(contactRoot, "#summaryLabel")
                .contains("not locked"));
        Button diagnose = robot.from(contactRoot).lookup("#diagnoseButton").queryButton();
        assertThat(diagnose.isDisabled()).isFalse();

        robot.clickOn(robot.from(contactRoot).lookup("#nameLabel").queryLabeled());
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        Stage diagnoseWindow = WAIT.present(() -> window("Diagnose \u2014 Ben Carter"));
        Node root = diagnoseWindow.getScene().getRoot();
        WAIT.until(() -> text(root, "#headingLabel").equals("What does Ben Carter need help with?"));
        Button run = robot.from(root).lookup("#runButton").queryButton();
        assertThat(run.isDisabled()).as("nothing is checked before the question is answered").isTrue();

        robot.clickOn(robot.from(root).lookup("#notSureQuestion").queryLabeled());
        WAIT.until(() -> !run.isDisabled());
        robot.clickOn(run);

        VBox locked = WAIT.present(() -> robot.from(root).lookup(".finding-account-locked").tryQueryAs(VBox.class));
        assertThat(text(root, "#headingLabel")).startsWith("1 finding").endsWith("asked about: nothing said");
        Button unlock = robot.from(locked).lookup(".fix-button").queryButton();
        assertThat(unlock.getText()).isEqualTo("Unlock the Client Portal account");

        robot.clickOn(unlock);

        WAIT.until(() -> text(root, "#headingLabel").startsWith("Nothing found"));
        assertThat(text(root, "#statusLabel")).isEqualTo("Done: unlocked the Client Portal account. Checked again.");
        assertThat(robot.from(root).lookup(".finding-card").queryAll()).isEmpty();
        WAIT.until(() -> text(contactRoot, "#summaryLabel").contains("not locked"));

        // The unlock is on record: View, Activity (Shortcut+L) lists it.
        Node searchField = robot.lookup("#searchField").query();
        robot.interact(() -> {
            searchField.getScene().getWindow().requestFocus();
            searchField.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        Stage activityWindow = WAIT.present(() -> window("Activity \u2014 MemberDesk"));
        TableView<?> activity = robot.from(activityWindow.getScene().getRoot()).lookup("#activityTable")
                .queryTableView();
        WAIT.until(() -> !activity.getItems().isEmpty());
        assertThat(activity.getItems().get(0)).asString().contains("credentials.unlocked").contains(BEN);

        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        app = null;
        try (Services services = TestServices.open(dir, clock)) {
            assertThat(services.contacts().card(benId).portal().locked()).isFalse();
            assertThat(services.audit().ofContact(benId)).anyMatch(e -> e.action().contains("unlock"));
        }
    }

    private Optional<Stage> window(String title) {
        return Window.getWindows().stream()
                .filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> title.equals(stage.getTitle()) && stage.isShowing())
                .findFirst();
    }

    private String text(Node root, String query) {
        String value = robot.from(root).lookup(query).queryAs(Label.class).getText();
        return value == null ? "" : value;
    }
}
