package org.memberdesk.ui.view;

import org.memberdesk.testsupport.TestServices;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.ui.common.FxBackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.view.insight.InsightStages;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.insight.InsightBackend;
import org.memberdesk.ui.viewmodel.insight.InsightTools;
import org.memberdesk.ui.viewmodel.insight.InsightViewModel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The Activity window says what happened in the agent's words; the codes stay in JSON and CSV. */
class ActivityWordsViewTest {

    private static final FxWait WAIT = FxWait.seconds(30);
    private static final Actor SAM = Actor.agent("Sam (support)");

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    final Messages messages = Messages.load();
    final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    Services services;

    @BeforeEach
    void openDemoData() throws Exception {
        services = TestServices.open(dir, new TestClock(Instant.now(), ZoneId.systemDefault()),
                Map.of());
        services.demo().seed();
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        executor.close();
        services.close();
    }

    @Test
    void theActivityTableAndItsActionFilterShowWords() throws Exception {
        services.credentials().sendResetLink("dana.whitfield@example.com", null, null, SAM);
        InsightViewModel insight = new InsightViewModel(InsightBackend.of(services), new InsightTools(executor,
                RecordingDialogService.accepting(), RecordingFilePicker.cancelling(), messages,
                new DisplayTime(ZoneOffset.UTC, messages.locale()), SAM), new InsightStages(messages));
        robot.interact(insight::openActivity);
        Node root = WAIT.present(() -> window("Activity")).getScene().getRoot();
        TableView<?> table = robot.from(root).lookup("#activityTable").queryTableView();
        WAIT.until(() -> !table.getItems().isEmpty());

        List<String> actions = robot.from(root).lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(text -> text != null && !text.isBlank()).toList();
        assertThat(actions).contains("Reset link sent").noneMatch(text -> text.matches("[a-z-]+\\.[a-z-]+"));

        ComboBox<?> filter = robot.from(root).lookup("#actionFilter").queryComboBox();
        WAIT.until(() -> filter.getItems().contains("credentials.reset-link-sent"));
        robot.interact(() -> selectCode(filter, "credentials.reset-link-sent"));
        WAIT.until(() -> table.getItems().size() == 1);
        assertThat(filter.getConverter()).isNotNull();
        @SuppressWarnings("unchecked")
        ComboBox<String> codes = (ComboBox<String>) filter;
        assertThat(codes.getConverter().toString(codes.getValue())).isEqualTo("Reset link sent");
        assertThat(codes.getConverter().toString("credentials")).isEqualTo("Passwords and links (all)");
    }

    @SuppressWarnings("unchecked")
    private static void selectCode(ComboBox<?> filter, String code) {
        ((ComboBox<String>) filter).setValue(code);
    }

    private static Optional<Stage> window(String titleStart) {
        return Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> stage.isShowing() && stage.getTitle() != null && stage.getTitle().startsWith(titleStart))
                .findFirst();
    }
}
