package org.memberdesk.ui.viewmodel.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.workflow.FilterKind;
import org.memberdesk.service.workflow.FilterSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.service.workflow.WorkflowView;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.DisplayTime;

/** The workflow editor while a second desk edits the same workflow on the same data directory. */
class WorkflowEditorChangedMeanwhileTest {

    static final Actor SAM = Actor.agent("Sam (support)");
    static final Actor BOB = Actor.agent("Bob (billing)");

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final DisplayTime time = new DisplayTime(ZoneOffset.UTC, messages.locale());
    final TestExecutor executor = TestExecutor.currentThread();
    final List<String> savedNames = new ArrayList<>();
    Services services;
    Services otherDesk;

    @BeforeEach
    void seedAndOpenASecondDesk() {
        services = DemoDirectory.seeded(dir, clock);
        otherDesk = TestServices.open(dir, clock);
        clock.advance(Duration.ofMinutes(10));
    }

    @AfterEach
    void close() {
        otherDesk.close();
        services.close();
    }

    @Test
    void aSaveOverBobsEditKeepsWhatWasTypedNamesBobAndReloadLetsTheNextSaveThrough() {
        WorkflowView loaded = services.workflows().get(WorkflowService.DEFAULT_NAME);
        WorkflowEditorViewModel editor = new WorkflowEditorViewModel(services.workflows(), services.offers(),
                executor, messages, time, SAM, loaded, savedNames::add);
        editor.load();
        editor.nameProperty().set("Welcome VIPs");
        editor.enabledProperty().set(false);
        editor.addFilter();
        FilterItem filter = editor.filters().get(0);
        filter.kindProperty().set(editor.choice(editor.filterChoices(), FilterKind.HAS_TAG));
        filter.tagProperty().set("vip");
        int steps = editor.actions().size();

        clock.advance(Duration.ofMinutes(3));
        Instant bobsEdit = clock.instant();
        WorkflowDefinition d = otherDesk.workflows().get(loaded.id()).definition();
        otherDesk.workflows().update(loaded.name(), loaded.version(), new WorkflowDefinition("Welcome members",
                d.enabled(), d.trigger(), List.of(FilterSpec.lacksTag("blocked")), d.actions()), BOB);
        clock.advance(Duration.ofMinutes(2));

        editor.save();

        assertThat(editor.savedProperty().get()).isFalse();
        assertThat(editor.changedMeanwhileProperty().get()).isTrue();
        assertThat(editor.problems()).singleElement().asString()
                .contains("Bob (billing)").contains(time.format(bobsEdit));
        assertThat(editor.nameProperty().get()).isEqualTo("Welcome VIPs");
        assertThat(editor.enabledProperty().get()).isFalse();
        assertThat(editor.filters()).singleElement().satisfies(kept -> {
            assertThat(kept.kindProperty().get().value()).isEqualTo(FilterKind.HAS_TAG);
            assertThat(kept.tagProperty().get()).isEqualTo("vip");
        });
        assertThat(editor.actions()).hasSize(steps);
        assertThat(savedNames).isEmpty();
        assertThat(services.workflows().get(loaded.id()).name()).as("Bob's edit stands").isEqualTo("Welcome members");

        editor.reload();

        assertThat(editor.changedMeanwhileProperty().get()).isFalse();
        assertThat(editor.problems()).isEmpty();
        assertThat(editor.nameProperty().get()).isEqualTo("Welcome members");
        assertThat(editor.enabledProperty().get()).isTrue();
        assertThat(editor.filters()).singleElement().satisfies(now -> {
            assertThat(now.kindProperty().get().value()).isEqualTo(FilterKind.LACKS_TAG);
            assertThat(now.tagProperty().get()).isEqualTo("blocked");
        });
        editor.enabledProperty().set(false);
        editor.save();

        assertThat(editor.problems()).isEmpty();
        assertThat(editor.savedProperty().get()).isTrue();
        assertThat(savedNames).containsExactly("Welcome members");
        WorkflowView stored = services.workflows().get(loaded.id());
        assertThat(stored.enabled()).isFalse();
        assertThat(stored.definition().filters()).containsExactly(FilterSpec.lacksTag("blocked"));
    }
}
