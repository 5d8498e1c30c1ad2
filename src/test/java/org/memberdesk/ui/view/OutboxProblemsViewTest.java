package org.memberdesk.ui.view;

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
import javafx.scene.control.Hyperlink;
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
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.viewmodel.mail.OutboxProblemRow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real console on the demo data, its SMTP server a GreenMail: the status bar's "4 failed"
 * opens Outbox problems, which lists Marcus Bell's failed welcome with the server's reply; Enter
 * opens his contact window, and Retry selected puts the email back in the queue, so it goes out.
 */
class OutboxProblemsViewTest {

    private static final FxWait WAIT = FxWait.seconds(30);

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    GreenMail smtp;
    MemberDeskApp app;
    Map<String, String> env;
    TestClock clock;

    @BeforeEach
    void startConsoleWithGreenMail() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        env = Map.of(
                "MEMBERDESK_SMTP_HOST", "127.0.0.1",
                "MEMBERDESK_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "MEMBERDESK_SMTP_SECURITY", "none",
                "MEMBERDESK_SMTP_FROM", "Support <support@example.com>");
        clock = new TestClock(Instant.now(), ZoneId.systemDefault());
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
    void theFailedCountOpensOutboxProblemsWhereEnterOpensTheContactAndRetrySelectedQueuesTheEmail() throws Exception {
        ConsoleStarted.waitForDatabase(robot);
        Hyperlink failed = robot.lookup("#outboxFailedLink").queryAs(Hyperlink.class);
        WAIT.until(() -> failed.isVisible() && "4 failed".equals(failed.getText()));

        robot.clickOn(failed);

        Stage window = WAIT.present(() -> window("Outbox problems"));
        Node root = window.getScene().getRoot();
        @SuppressWarnings("unchecked")
        TableView<OutboxProblemRow> table = robot.from(root).lookup("#problemTable").queryAs(TableView.class);
        WAIT.until(() -> table.getItems().size() == 5);
        OutboxProblemRow marcus = table.getItems().stream()
                .filter(r -> r.contactEmail().equals("marcus.bell@example.org")).findFirst().orElseThrow();
        assertThat(marcus.status()).isEqualTo("Failed");
        assertThat(marcus.contact()).isEqualTo("Marcus Bell <marcus.bell@example.org>");
        assertThat(marcus.reply()).startsWith("421 4.4.2");
        assertThat(marcus.hardBounce()).isFalse();
        assertThat(table.getItems()).filteredOn(OutboxProblemRow::hardBounce).hasSize(3);

        robot.clickOn(robot.from(table).lookup(".table-row-cell")
                .match((TableRow<OutboxProblemRow> row) -> row.isVisible() && marcus.equals(row.getItem()))
                .queryAs(Node.class));
        robot.type(KeyCode.ENTER);
        WAIT.present(() -> window("Marcus Bell"));

        robot.interact(() -> {
            window.toFront();
            window.requestFocus();
        });
        Button retry = robot.from(root).lookup("#retrySelectedButton").queryButton();
        WAIT.until(() -> !retry.isDisabled());
        robot.clickOn(retry);

        WAIT.until(() -> table.getItems().stream().noneMatch(r -> r.emailId().equals(marcus.emailId())));
        WAIT.until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
                .isEqualTo("marcus.bell@example.org");
        try (Services services = TestServices.open(dir, clock, env)) {
            assertThat(services.emails().detail(marcus.emailId()).email().status()).isEqualTo(EmailView.Status.SENT);
        }
        WAIT.until(() -> "3 failed".equals(failed.getText()));
    }

    private Optional<Stage> window(String titleStart) {
        return Window.getWindows().stream()
                .filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> stage.getTitle() != null && stage.getTitle().startsWith(titleStart))
                .findFirst();
    }
}
