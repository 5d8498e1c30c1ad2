package org.memberdesk.ui.view;

import org.memberdesk.testsupport.TestServices;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.portal.PortalAuthService.Door;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.ui.common.FxBackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.view.common.Stylesheets;
import org.memberdesk.ui.view.contact.ContactStages;
import org.memberdesk.ui.view.insight.InsightStages;
import org.memberdesk.ui.view.mail.MailStages;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.contact.ContactBackend;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.contact.EmailHistoryViewModel;
import org.memberdesk.ui.viewmodel.insight.InsightBackend;
import org.memberdesk.ui.viewmodel.insight.InsightTools;
import org.memberdesk.ui.viewmodel.insight.InsightViewModel;
import org.memberdesk.ui.viewmodel.mail.DemoInboxViewModel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The console's real windows (made by its window registries, as the console makes them) over a data
 * directory that a second {@code Services} changes meanwhile, standing for another process. There is
 * no console session here, so nothing follows the change feed: what shows the change is F5 in a
 * contact window, and opening Activity or Inbox (demo) again while it is open.
 */
class RefreshViewTest {

    private static final FxWait WAIT = FxWait.seconds(30);
    private static final String DANA = "dana.whitfield@example.com";
    private static final Actor SAM = Actor.agent("Sam (support)");
    private static final Actor ELSEWHERE = Actor.agent("Robin (other desk)");

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    final Messages messages = Messages.load();
    final TestClock clock = new TestClock(Instant.now(), ZoneId.systemDefault());
    final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    Services console;
    Services other;

    @BeforeEach
    void openTwiceInDemoMode() throws Exception {
        console = TestServices.open(dir, clock, Map.of());
        console.demo().seed();
        other = TestServices.open(dir, clock, Map.of());
        FxToolkit.registerPrimaryStage();
        robot.interact(() -> Stylesheets.setDark(false));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        executor.close();
        other.close();
        console.close();
    }

    @Test
    void f5InAContactWindowShowsWhatAnotherProcessChanged() throws Exception {
        UUID dana = console.contacts().byEmail(DANA).id();
        ContactStages stages = new ContactStages(messages);
        robot.interact(() -> stages.show(dana, () -> contactWindow(stages, dana)));
        Node root = WAIT.present(() -> window("Dana Whitfield")).getScene().getRoot();
        robot.clickOn(robot.from(root).lookup(".tab-label").match((Labeled tab) -> "Actions".equals(tab.getText()))
                .queryAs(Node.class));
        Label password = robot.from(root).lookup("#portalPasswordLabel").queryAs(Label.class);
        Button unlock = robot.from(root).lookup("#portalUnlockButton").queryButton();
        WAIT.until(() -> "No password set".equals(password.getText()));
        assertThat(unlock.isDisabled()).isTrue();

        other.credentials().setPassword(DANA, null, "a long passphrase for dana", false, ELSEWHERE);
        for (int i = 0; i < 5; i++) {
            other.portalAuth().signIn(DANA, "not her password at all", Door.MEMBERSHIP);
        }
        robot.clickOn(robot.from(root).lookup("#nameLabel").queryAs(Node.class));
        robot.type(KeyCode.F5);

        WAIT.until(() -> !"No password set".equals(password.getText()));
        WAIT.until(() -> !unlock.isDisabled());
        assertThat(text(root, "#portalLockLabel")).startsWith("Locked");
        assertThat(text(root, "#summaryLabel")).contains("locked").doesNotContain("not locked");
        assertThat(text(root, "#nameLabel")).isEqualTo("Dana Whitfield");
    }

    @Test
    void openingActivityAgainReadsItAgain() throws Exception {
        console.contacts().add("first.member@example.com", "First Member", List.of(), SAM);
        InsightViewModel insight = new InsightViewModel(InsightBackend.of(console), new InsightTools(executor,
                RecordingDialogService.accepting(), RecordingFilePicker.cancelling(), messages,
                new DisplayTime(ZoneOffset.UTC, messages.locale()), SAM), new InsightStages(messages));
        robot.interact(insight::openActivity);
        Node root = WAIT.present(() -> window("Activity")).getScene().getRoot();
        TableView<?> table = robot.from(root).lookup("#activityTable").queryTableView();
        WAIT.until(() -> !table.getItems().isEmpty());
        int before = table.getItems().size();

        other.contacts().add("new.member@example.com", "New Member", List.of(), ELSEWHERE);
        robot.interact(insight::openActivity);

        WAIT.until(() -> table.getItems().size() == before + 1);
        assertThat(table.getItems().get(0).toString()).contains("new.member@example.com");
        assertThat(Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle().startsWith("Activity")))
                .as("the same window, not a second one").hasSize(1);
    }

    @Test
    void openingTheDemoInboxAgainReadsItAgain() throws Exception {
        console.mailSettings().sendTestEmail("sam@example.com");
        DeliveryFeed feed = new DeliveryFeed(executor);
        MailStages stages = new MailStages(messages, () -> null);
        Runnable open = () -> stages.showDemoInbox(() -> new DemoInboxViewModel(console.demoInbox(), feed, executor,
                new RecordingLinkOpener(), messages, new DisplayTime(ZoneOffset.UTC, messages.locale())));
        robot.interact(open);
        Node root = WAIT.present(() -> window("Inbox")).getScene().getRoot();
        TableView<?> table = robot.from(root).lookup("#inboxTable").queryTableView();
        WAIT.until(() -> table.getItems().size() == 1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(other.mailSettings().sendTestEmail("robin@example.com").sent()).isTrue();
        robot.interact(open);

        WAIT.until(() -> table.getItems().size() == 2);
        assertThat(table.getItems().get(0).toString()).contains("robin@example.com");
    }

    private ContactViewModel contactWindow(ContactStages stages, UUID id) {
        EmailHistoryViewModel history = new EmailHistoryViewModel(console.emails(), id, new DeliveryFeed(executor),
                new EmailHistoryViewModel.Tools(executor, RecordingDialogService.accepting(), new RecordingClipboard(),
                        messages, new DisplayTime(ZoneOffset.UTC, messages.locale()), SAM));
        ContactViewModel contact = new ContactViewModel(ContactBackend.of(console), stages, id, "", history,
                new ContactViewModel.Hooks(() -> { }, diagnosed -> { }));
        contact.load();
        return contact;
    }

    private java.util.Optional<Stage> window(String titleStart) {
        return Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> stage.isShowing() && stage.getTitle() != null && stage.getTitle().startsWith(titleStart))
                .findFirst();
    }

    private String text(Node root, String query) {
        return robot.from(root).lookup(query).queryAs(Label.class).getText();
    }
}
