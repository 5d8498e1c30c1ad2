package org.memberdesk.ui.viewmodel.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.service.workflow.ActionKind;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.FilterKind;
import org.memberdesk.service.workflow.FilterSpec;
import org.memberdesk.service.workflow.TriggerKind;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WelcomeFor;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.service.workflow.WorkflowView;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;

class WorkflowEditorViewModelTest {

    static final Actor SAM = Actor.agent("Sam (support)");

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    final List<String> savedNames = new ArrayList<>();
    Services services;

    @BeforeEach
    void seed() {
        services = DemoDirectory.seeded(dir, clock);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private WorkflowEditorViewModel editor(WorkflowDefinition existing) {
        WorkflowEditorViewModel editor = new WorkflowEditorViewModel(services.workflows(), services.offers(), executor,
                messages, SAM, existing, savedNames::add);
        editor.load();
        return editor;
    }

    private static void choose(WorkflowEditorViewModel editor, javafx.beans.property.ObjectProperty<Choice> field,
                               List<Choice> choices, Enum<?> value) {
        field.set(editor.choice(choices, value));
    }

    @Test
    void anEmptyFormSavesNothingAndSaysWhatIsMissing() {
        WorkflowEditorViewModel editor = editor(null);
        assertThat(editor.offers()).contains(DemoData.MEMBERSHIP, DemoData.BOOTCAMP);

        editor.save();

        assertThat(editor.problems()).contains("name is required", "a workflow needs at least one action");
        assertThat(editor.savedProperty().get()).isFalse();
        assertThat(savedNames).isEmpty();
        assertThat(services.workflows().list()).hasSize(1);
    }

    @Test
    void eachPartsProblemIsNamedAndNothingIsSavedUntilTheFormIsRight() {
        WorkflowEditorViewModel editor = editor(null);
        editor.nameProperty().set("Reset on request");
        choose(editor, editor.triggerProperty(), editor.triggerChoices(), TriggerKind.TAG_ADDED);
        assertThat(editor.triggerHasTagProperty().get()).isTrue();
        assertThat(editor.triggerHasOffersProperty().get()).isFalse();
        editor.addFilter();
        FilterItem filter = editor.filters().get(0);
        choose(editor, filter.kindProperty(), editor.filterChoices(), FilterKind.OFFER_IS);
        filter.offerProperty().set("No Such Offer");
        ActionItem wait = editor.addAction();
        choose(editor, wait.kindProperty(), editor.actionChoices(), ActionKind.WAIT);
        assertThat(wait.showsWaitProperty().get()).isTrue();
        assertThat(wait.showsTagProperty().get()).isFalse();
        wait.waitAmountProperty().set("two");

        editor.save();

        assertThat(editor.problems()).contains(
                "trigger Tag Added needs a tag",
                "filter 1: Offer Is needs the trigger Offer Access Granted",
                "filter 1: no offer named 'No Such Offer'",
                "step 1: Wait needs a duration between 1 minute and 30 days");
        assertThat(services.workflows().list()).extracting(WorkflowView::name).doesNotContain("Reset on request");

        editor.triggerTagProperty().set("Cant-Login");
        editor.removeFilter(filter);
        wait.waitAmountProperty().set("2");
        editor.save();
        assertThat(editor.problems()).containsExactly("step 1: Wait cannot be the last step: nothing would follow it");

        ActionItem reset = editor.addAction();
        assertThat(reset.kindProperty().get().label()).isEqualTo("Send Reset Link");
        editor.save();

        assertThat(editor.problems()).isEmpty();
        assertThat(editor.savedProperty().get()).isTrue();
        assertThat(savedNames).containsExactly("Reset on request");
        WorkflowDefinition stored = services.workflows().get("Reset on request").definition();
        assertThat(stored.trigger()).isEqualTo(TriggerSpec.tagAdded("cant-login"));
        assertThat(stored.filters()).isEmpty();
        assertThat(stored.actions()).containsExactly(ActionSpec.waitFor(Duration.ofHours(2)),
                ActionSpec.sendResetLink());
    }

    @Test
    void everyTriggerFilterAndActionOfTheFormReachesTheService() {
        WorkflowEditorViewModel editor = editor(null);
        editor.nameProperty().set("Everything");
        editor.enabledProperty().set(false);
        choose(editor, editor.triggerProperty(), editor.triggerChoices(), TriggerKind.OFFER_ACCESS_GRANTED);
        editor.triggerOffersProperty().set(DemoData.MEMBERSHIP + ", " + DemoData.BOOTCAMP);
        String[][] filters = {{"OFFER_IS", DemoData.MEMBERSHIP, "", ""}, {"HAS_TAG", "", "vip", ""},
                {"LACKS_TAG", "", "blocked", ""}, {"NEVER_LOGGED_IN", "", "", ""}, {"NO_RECENT_WELCOME", "", "", "48"}};
        for (String[] f : filters) {
            editor.addFilter();
            FilterItem item = editor.filters().get(editor.filters().size() - 1);
            choose(editor, item.kindProperty(), editor.filterChoices(), FilterKind.valueOf(f[0]));
            item.offerProperty().set(f[1]);
            item.tagProperty().set(f[2]);
            item.hoursProperty().set(f[3]);
        }
        ActionItem welcome = editor.addAction();
        choose(editor, welcome.kindProperty(), editor.actionChoices(), ActionKind.SEND_WELCOME);
        choose(editor, welcome.welcomeForProperty(), editor.welcomeForChoices(), WelcomeFor.CHOSEN_OFFER);
        assertThat(welcome.showsOfferProperty().get()).isTrue();
        welcome.offerProperty().set(DemoData.BOOTCAMP);
        ActionItem wait = editor.addAction();
        choose(editor, wait.kindProperty(), editor.actionChoices(), ActionKind.WAIT);
        wait.waitAmountProperty().set("3");
        choose(editor, wait.waitUnitProperty(), editor.waitUnitChoices(), ChronoUnit.DAYS);
        ActionItem reset = editor.addAction();
        reset.linkHoursProperty().set("48");
        ActionItem tag = editor.addAction();
        choose(editor, tag.kindProperty(), editor.actionChoices(), ActionKind.ADD_TAG);
        tag.tagProperty().set("welcomed");
        ActionItem untag = editor.addAction();
        choose(editor, untag.kindProperty(), editor.actionChoices(), ActionKind.REMOVE_TAG);
        untag.tagProperty().set("new");
        ActionItem note = editor.addAction();
        choose(editor, note.kindProperty(), editor.actionChoices(), ActionKind.ADD_NOTE);
        note.noteProperty().set("Welcomed by the workflow.");

        editor.save();

        assertThat(editor.problems()).isEmpty();
        WorkflowView saved = services.workflows().get("Everything");
        assertThat(saved.enabled()).isFalse();
        assertThat(saved.definition().trigger()).isEqualTo(TriggerSpec.offerAccessGranted(DemoData.MEMBERSHIP,
                DemoData.BOOTCAMP));
        assertThat(saved.definition().filters()).containsExactly(FilterSpec.offerIs(DemoData.MEMBERSHIP),
                FilterSpec.hasTag("vip"), FilterSpec.lacksTag("blocked"), FilterSpec.neverLoggedIn(),
                FilterSpec.noRecentWelcome(48));
        assertThat(saved.definition().actions()).containsExactly(ActionSpec.sendWelcome(DemoData.BOOTCAMP),
                ActionSpec.waitFor(Duration.ofDays(3)), ActionSpec.sendResetLink(48), ActionSpec.addTag("welcomed"),
                ActionSpec.removeTag("new"), ActionSpec.addNote("Welcomed by the workflow."));

        WorkflowEditorViewModel again = editor(saved.definition());
        assertThat(again.definition()).isEqualTo(saved.definition());
    }

    @Test
    void repeatedFailedLoginsTakesNAndMAndStepsMoveUpAndDown() {
        WorkflowEditorViewModel editor = editor(null);
        editor.nameProperty().set("Locked out");
        choose(editor, editor.triggerProperty(), editor.triggerChoices(), TriggerKind.REPEATED_FAILED_LOGINS);
        assertThat(editor.triggerHasFailuresProperty().get()).isTrue();
        editor.failuresProperty().set("1");
        ActionItem tag = editor.addAction();
        choose(editor, tag.kindProperty(), editor.actionChoices(), ActionKind.ADD_TAG);
        tag.tagProperty().set("locked-out");
        ActionItem reset = editor.addAction();

        editor.save();
        assertThat(editor.problems()).containsExactly(
                "trigger Repeated Failed Logins needs a number of failures between 2 and 100");

        editor.failuresProperty().set("4");
        editor.withinMinutesProperty().set("10");
        editor.moveAction(reset, -1);
        assertThat(editor.actions()).containsExactly(reset, tag);
        editor.moveAction(reset, -1);
        assertThat(editor.actions()).containsExactly(reset, tag);
        editor.moveAction(tag, -1);
        editor.moveAction(tag, 1);
        assertThat(editor.actions()).containsExactly(reset, tag);
        editor.save();

        assertThat(editor.problems()).isEmpty();
        WorkflowDefinition stored = services.workflows().get("Locked out").definition();
        assertThat(stored.trigger()).isEqualTo(TriggerSpec.repeatedFailedLogins(4, 10));
        assertThat(stored.actions()).containsExactly(ActionSpec.sendResetLink(), ActionSpec.addTag("locked-out"));
    }

    @Test
    void aNameAnotherWorkflowUsesIsRefused() {
        WorkflowEditorViewModel editor = editor(null);
        editor.nameProperty().set(WorkflowService.DEFAULT_NAME.toUpperCase());
        editor.addAction();

        editor.save();

        assertThat(editor.problems()).containsExactly("a workflow named 'Welcome new members' already exists");
        assertThat(services.workflows().list()).hasSize(1);
    }

    @Test
    void anEmptyNameIsMarkedOnceSaveIsRefusedAndNotBefore() {
        WorkflowEditorViewModel editor = editor(null);
        editor.addAction();
        assertThat(editor.nameError().get()).as("a new form does not open red").isEmpty();

        editor.save();

        assertThat(editor.nameError().get()).isEqualTo("Name is required.");
        assertThat(editor.savedProperty().get()).isFalse();
        assertThat(services.workflows().list()).hasSize(1);
        editor.nameProperty().set("Flag for review");
        assertThat(editor.nameError().get()).isEmpty();
        editor.nameProperty().set("  ");
        assertThat(editor.nameError().get()).isEqualTo("Name is required.");
    }

    @Test
    void aNameAnotherWorkflowUsesIsMarkedUntilItIsChanged() {
        WorkflowEditorViewModel editor = editor(null);
        editor.nameProperty().set(WorkflowService.DEFAULT_NAME.toUpperCase());
        editor.addAction();

        editor.save();

        assertThat(editor.nameError().get()).isEqualTo("A workflow named 'Welcome new members' already exists.");
        editor.nameProperty().set("Welcome new members, again");
        assertThat(editor.nameError().get()).isEmpty();
        editor.save();
        assertThat(editor.savedProperty().get()).isTrue();
    }
}
