package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.controlsfx.control.TaskProgressView;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Cancellable;
import org.memberdesk.ui.common.FxBackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.view.insight.InsightStages;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.insight.ImportViewModel;
import org.memberdesk.ui.viewmodel.insight.InsightTools;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The Import contacts window on real background threads: choosing a file shows the refused row
 * with its line and reason before anything is written; Import writes the valid rows.
 */
class ImportViewTest {

    private static final FxWait WAIT = FxWait.seconds(20);

    @TempDir
    Path dir;
    @TempDir
    Path files;
    final FxRobot robot = new FxRobot();
    final Messages messages = Messages.load();
    final AtomicInteger imported = new AtomicInteger();
    Services services;
    FxBackgroundExecutor executor;

    @BeforeEach
    void open() {
        services = TestServices.open(dir, TestClock.at(TestServices.START));
        services.offers().create(DemoData.MEMBERSHIP, null, Actor.agent("Sam (support)"));
        executor = new FxBackgroundExecutor();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        executor.close();
        services.close();
    }

    @Test
    void choosingAFileShowsTheBadRowThenImportWritesTheGoodOnes() throws Exception {
        Path file = files.resolve("members.csv");
        Files.writeString(file, "email,name,offer,favourite_colour\n"
                + "ann.import@example.com,Ann Import," + DemoData.MEMBERSHIP + ",green\n"
                + "bob at example.com,Bob,,blue\n"
                + "cy.import@example.com,Cy Import,,red\n", StandardCharsets.UTF_8);
        Node root = openImportWindow(executor, file);
        Button importButton = robot.from(root).lookup("#importButton").queryButton();
        assertThat(importButton.isDisabled()).isTrue();

        robot.clickOn(robot.from(root).lookup("#chooseButton").queryButton());

        TableView<?> problems = robot.from(root).lookup("#problemTable").queryTableView();
        WAIT.until(() -> !problems.getItems().isEmpty() && !importButton.isDisabled());
        List<String> cells = robot.from(problems).lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null && !t.isBlank()).toList();
        assertThat(cells).containsSequence("3", "Refused", "bob at example.com",
                "'bob at example.com' is not a valid email address");
        assertThat(text(root, "#summaryLabel")).startsWith("3 rows: 2 valid, 1 refused");
        assertThat(text(root, "#unknownColumnsLabel")).isEqualTo("Ignored columns: favourite_colour");
        assertThat(text(root, "#welcomeLabel")).startsWith("Welcome emails this import will trigger: 1 \u2014 1 grant fires");
        assertThat(services.contacts().count()).isZero();

        robot.clickOn(importButton);

        WAIT.until(() -> text(root, "#resultLabel").startsWith("Imported 2 rows"));
        assertThat(services.contacts().count()).isEqualTo(2);
        assertThat(services.contacts().byEmail("ann.import@example.com").name()).isEqualTo("Ann Import");
        assertThat(imported.get()).isEqualTo(1);
        assertThat(robot.from(root).lookup("#progressView").query().isVisible()).isFalse();
    }

    @Test
    void anImportUnderWayShowsItsProgressInTheTaskList() throws Exception {
        Path file = files.resolve("members.csv");
        Files.writeString(file, "email,name\nann.import@example.com,Ann Import\n", StandardCharsets.UTF_8);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hold = new AtomicBoolean();
        BackgroundExecutor held = new BackgroundExecutor() {
            @Override
            public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                                          Consumer<? super Exception> onFailure) {
                boolean wait = hold.get();
                return executor.submit(() -> {
                    if (wait) {
                        release.await();
                    }
                    return work.call();
                }, onSuccess, onFailure);
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable action) {
                return executor.schedule(delay, action);
            }

            @Override
            public void publish(Runnable action) {
                executor.publish(action);
            }
        };
        Node root = openImportWindow(held, file);
        Button importButton = robot.from(root).lookup("#importButton").queryButton();
        robot.clickOn(robot.from(root).lookup("#chooseButton").queryButton());
        WAIT.until(() -> !importButton.isDisabled());

        hold.set(true);
        robot.clickOn(importButton);
        @SuppressWarnings("unchecked")
        TaskProgressView<Task<?>> progress = robot.from(root).lookup("#progressView").queryAs(TaskProgressView.class);
        WAIT.until(() -> progress.isVisible() && progress.getTasks().size() == 1);
        Task<?> task = progress.getTasks().get(0);
        List<String> shown = new java.util.ArrayList<>();
        robot.interact(() -> shown.addAll(List.of(task.getTitle(), task.getMessage())));
        assertThat(shown).containsExactly("Import contacts", messages.get("import.progress.start"));
        assertThat(robot.from(progress).lookup(".progress-bar").tryQuery()).as("the task's bar shows").isPresent();

        release.countDown();
        WAIT.until(() -> text(root, "#resultLabel").startsWith("Imported 1 row"));
        WAIT.until(() -> progress.getTasks().isEmpty() && !progress.isVisible());
        List<Worker.State> ended = new java.util.ArrayList<>();
        robot.interact(() -> ended.add(task.getState()));
        assertThat(ended).containsExactly(Worker.State.SUCCEEDED);
    }

    private String text(Node root, String query) {
        String value = robot.from(root).lookup(query).queryAs(Label.class).getText();
        return value == null ? "" : value;
    }

    /** The Import contacts window, its file picker answering {@code file}, its work run by {@code work}. */
    private Node openImportWindow(BackgroundExecutor work, Path file) throws Exception {
        InsightTools tools = new InsightTools(work, RecordingDialogService.accepting(),
                RecordingFilePicker.answering(file), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()),
                Actor.agent("Sam (support)"));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            new InsightStages(messages).showImport(
                    () -> new ImportViewModel(services.contactImport(), tools, imported::incrementAndGet));
        });
        Stage window = WAIT.present(() -> Window.getWindows().stream().filter(Stage.class::isInstance)
                .map(Stage.class::cast).filter(s -> "Import contacts \u2014 MemberDesk".equals(s.getTitle()))
                .findFirst());
        return window.getScene().getRoot();
    }
}
