package org.memberdesk.ui.view;

import org.memberdesk.testsupport.TestServices;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
import org.memberdesk.ui.viewmodel.contact.EmailRow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real console, its SMTP server a GreenMail named by the environment: Marcus Bell's welcome
 * email failed; the agent opens him, selects it in Email History, presses Retry and watches it
 * become Sent.
 */
class EmailHistoryViewTest {

    private static final FxWait WAIT = FxWait.seconds(30);

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    GreenMail smtp;
    MemberDeskApp app;

    @BeforeEach
    void startConsoleWithGreenMail() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Map<String, String> env = Map.of(
                "MEMBERDESK_SMTP_HOST", "127.0.0.1",
                "MEMBERDESK_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "MEMBERDESK_SMTP_SECURITY", "none",
                "MEMBERDESK_SMTP_FROM", "Support <support@example.com>");
        TestClock clock = new TestClock(Instant.now(), ZoneId.systemDefault());
        try (Services services = TestServices.open(dir, clock, env)) {
            services.demo().seed();
        }
        FxToolkit.registerPrimaryStage();
        app = (MemberDeskApp) FxToolkit.setupApplication(() -> new MemberDeskApp(new DataDirectory(dir), clock, env));
    }

    @AfterEach
    void stopConsole() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        smtp.stop();
    }

    @Test
    void retryingAFailedEmailInEmailHistoryTurnsItSent() throws Exception {
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        ConsoleStarted.waitForDatabase(robot);
        assertThat(robot.lookup("#demoBanner").query().isVisible()).as("SMTP is configured").isFalse();

        robot.clickOn("#searchField").write("marcus");
        WAIT.until(() -> contacts.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        Stage window = WAIT.present(() -> contactWindow("Marcus Bell"));
        Node root = window.getScene().getRoot();
        @SuppressWarnings("unchecked")
        TableView<EmailRow> emails = robot.from(root).lookup("#emailTable").queryAs(TableView.class);
        WAIT.until(() -> emails.getItems().size() == 1);
        EmailRow failed = emails.getItems().get(0);
        assertThat(failed.status()).isEqualTo("Failed");
        assertThat(failed.original()).isTrue();

        Button retry = robot.from(root).lookup("#retryButton").queryButton();
        robot.clickOn(robot.from(emails).lookup(".table-row-cell")
                .match((TableRow<EmailRow> row) -> row.isVisible() && failed.equals(row.getItem()))
                .queryAs(Node.class));
        WAIT.until(() -> retry.isVisible() && !retry.isDisabled());
        assertThat(text(root, "#replyLabel")).startsWith("421 4.4.2");
        assertThat(text(root, "#statusBadge")).isEqualTo("Failed");

        robot.clickOn(retry);

        WAIT.until(() -> "Sent".equals(emails.getItems().get(0).status()));
        WAIT.until(() -> "Sent".equals(text(root, "#statusBadge")));
        assertThat(retry.isDisabled()).isTrue();
        assertThat(text(root, "#replyLabel")).startsWith("250");
        assertThat(text(root, "#attemptsLabel")).isEqualTo("6 attempts");
        assertThat(smtp.getReceivedMessages()).anySatisfy(message ->
                assertThat(message.getAllRecipients()[0].toString()).isEqualTo("marcus.bell@example.org"));
        assertThat(ShownNotices.over(root)).isNotEmpty();
    }

    private Optional<Stage> contactWindow(String name) {
        return Window.getWindows().stream()
                .filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> stage.getTitle() != null && stage.getTitle().startsWith(name))
                .findFirst();
    }

    private String text(Node root, String query) {
        return robot.from(root).lookup(query).queryAs(Label.class).getText();
    }
}
