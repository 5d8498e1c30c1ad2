package org.memberdesk.ui.viewmodel.workflow;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.offers.OfferService;
import org.memberdesk.service.offers.OfferView;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.FilterKind;
import org.memberdesk.service.workflow.FilterSpec;
import org.memberdesk.service.workflow.TriggerKind;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowValidator;
import org.memberdesk.service.workflow.WelcomeFor;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.service.workflow.WorkflowView;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.ChangedMeanwhileState;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * The workflow editor (New… and Edit…): name, state, trigger and its options, ordered filters and
 * ordered actions. Save sends the form to the workflow service, which checks it; what it finds
 * wrong is listed next to the form ("step 2: Wait needs a duration…") and nothing is saved.
 */
public final class WorkflowEditorViewModel {

    private final WorkflowService workflows;
    private final OfferService offerService;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final Actor agent;
    private final Consumer<String> onSaved;
    private final WorkflowForms forms;
    private String originalName;
    private final UUID workflowId;
    private Long version;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final ObjectProperty<Choice> trigger = new SimpleObjectProperty<>(this, "trigger");
    private final StringProperty triggerOffers = new SimpleStringProperty(this, "triggerOffers", "");
    private final StringProperty triggerTag = new SimpleStringProperty(this, "triggerTag", "");
    private final StringProperty failures = new SimpleStringProperty(this, "failures", "5");
    private final StringProperty withinMinutes = new SimpleStringProperty(this, "withinMinutes", "15");
    private final ObservableList<FilterItem> filters = FXCollections.observableArrayList();
    private final ObservableList<ActionItem> actions = FXCollections.observableArrayList();
    private final ObservableList<String> offers = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final Command saveCommand;
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(this, "saved");
    private final ChangedMeanwhileState meanwhile;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final BooleanBinding triggerHasOffers = triggerIs(TriggerKind.OFFER_ACCESS_GRANTED);
    private final BooleanBinding triggerHasTag = triggerIs(TriggerKind.TAG_ADDED);
    private final BooleanBinding triggerHasFailures = triggerIs(TriggerKind.REPEATED_FAILED_LOGINS);
    private final BooleanProperty saveTried = new SimpleBooleanProperty(this, "saveTried");
    private final StringProperty takenName = new SimpleStringProperty(this, "takenName", "");
    private final StringProperty takenReason = new SimpleStringProperty(this, "takenReason", "");
    private final StringBinding nameError = Bindings.createStringBinding(this::nameProblem, name, saveTried,
            takenName, takenReason);
    private final StringBinding failuresError = Bindings.createStringBinding(() -> numberProblem(failures,
            WorkflowValidator::failuresAllowed, "editor.failures.error", WorkflowValidator.MIN_FAILURES,
            WorkflowValidator.MAX_FAILURES), failures, trigger);
    private final StringBinding withinError = Bindings.createStringBinding(() -> numberProblem(withinMinutes,
            WorkflowValidator::windowAllowed, "editor.within.error", 1, WorkflowValidator.MAX_WINDOW_MINUTES),
            withinMinutes, trigger);

    /** {@code existing} is the workflow to edit, or null for a new one; {@code onSaved} gets the saved name. */
    public WorkflowEditorViewModel(WorkflowService workflows, OfferService offers, BackgroundExecutor executor,
                                   Messages messages, Actor agent, WorkflowDefinition existing,
                                   Consumer<String> onSaved) {
        this(workflows, offers, executor, messages, null, agent, existing, null, null, onSaved);
    }

    /**
     * The workflow as loaded ({@code existing}, null for a new one): saving over a change made since
     * is refused, saying who made it and when, and the form keeps what was typed until {@link #reload()}.
     */
    public WorkflowEditorViewModel(WorkflowService workflows, OfferService offers, BackgroundExecutor executor,
                                   Messages messages, DisplayTime time, Actor agent, WorkflowView existing,
                                   Consumer<String> onSaved) {
        this(workflows, offers, executor, messages, time, agent, existing == null ? null : existing.definition(),
                existing == null ? null : existing.id(), existing == null ? null : existing.version(), onSaved);
    }

    private WorkflowEditorViewModel(WorkflowService workflows, OfferService offers, BackgroundExecutor executor,
                                    Messages messages, DisplayTime time, Actor agent, WorkflowDefinition existing,
                                    UUID workflowId, Long version, Consumer<String> onSaved) {
        this.workflows = workflows;
        this.offerService = offers;
        this.executor = executor;
        this.messages = messages;
        this.agent = agent;
        this.onSaved = onSaved;
        this.forms = new WorkflowForms(messages);
        this.workflowId = workflowId;
        this.version = version;
        this.meanwhile = new ChangedMeanwhileState(messages, time, "meanwhile.workflow", "meanwhile.keepsTyped");
        this.saveCommand = new Command(executor, failure -> {
            String text = meanwhile.failed(failure);
            if (failure instanceof WorkflowService.InvalidWorkflow invalid) {
                problems.setAll(invalid.problems());
                nameTaken(invalid.problems());
            } else {
                problems.setAll(text);
            }
        });
        this.originalName = existing == null ? null : existing.name();
        if (existing == null) {
            title.set(messages.get("editor.title.new"));
            trigger.set(WorkflowForms.find(forms.triggers, TriggerKind.MANUAL));
        } else {
            title.set(messages.get("editor.title.edit", existing.name()));
            fill(existing);
        }
        name.addListener((o, before, now) -> saved.set(false));
    }

    /** An empty name is marked only once Save was pressed: a new workflow does not open all red. */
    private String nameProblem() {
        String typed = name.get() == null ? "" : name.get();
        if (!takenName.get().isEmpty() && takenName.get().equals(typed.trim())) {
            return sentence(takenReason.get());
        }
        if (typed.isBlank() && !saveTried.get()) {
            return "";
        }
        return sentence(WorkflowValidator.nameProblem(typed).orElse(""));
    }

    /** Why a Repeated Failed Logins number as typed cannot be saved; empty for another trigger. */
    private String numberProblem(StringProperty typed, IntPredicate allowed, String key, int min,
            int max) {
        if (!triggerHasFailures.get()) {
            return "";
        }
        Integer number = WorkflowForms.number(typed.get());
        return number != null && allowed.test(number) ? "" : messages.get(key, min, max);
    }

    /** The service says a name is taken only among the form's problems: its sentence names the other workflow. */
    private void nameTaken(List<String> found) {
        String sent = name.get() == null ? "" : name.get().trim();
        found.stream().filter(problem -> problem.startsWith("a workflow named ")).findFirst().ifPresent(problem -> {
            takenReason.set(problem);
            takenName.set(sent);
        });
    }

    private static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private void fill(WorkflowDefinition d) {
        name.set(d.name());
        enabled.set(d.enabled());
        TriggerSpec t = d.trigger();
        if (t != null && t.kind() != null) {
            trigger.set(WorkflowForms.find(forms.triggers, t.kind()));
            triggerOffers.set(String.join(", ", t.offers()));
            triggerTag.set(t.tag() == null ? "" : t.tag());
            if (t.failures() != null) {
                failures.set(String.valueOf(t.failures()));
            }
            if (t.withinMinutes() != null) {
                withinMinutes.set(String.valueOf(t.withinMinutes()));
            }
        }
        for (FilterSpec f : d.filters()) {
            filters.add(FilterItem.of(f, f.kind() == null ? null : WorkflowForms.find(forms.filters, f.kind())));
        }
        for (ActionSpec a : d.actions()) {
            actions.add(action(a));
        }
    }

    private ActionItem action(ActionSpec a) {
        ActionItem item = new ActionItem(a.kind() == null ? null : WorkflowForms.find(forms.actions, a.kind()),
                WorkflowForms.find(forms.welcomeFor, a.welcomeFor() == null ? defaultWelcomeFor() : a.welcomeFor()),
                WorkflowForms.find(forms.waitUnits, ChronoUnit.HOURS));
        item.offerProperty().set(a.offer() == null ? "" : a.offer());
        item.tagProperty().set(a.tag() == null ? "" : a.tag());
        item.noteProperty().set(a.note() == null ? "" : a.note());
        item.linkHoursProperty().set(a.linkHours() == null ? "" : String.valueOf(a.linkHours()));
        Duration wait = a.duration();
        if (wait != null) {
            long minutes = wait.toMinutes();
            ChronoUnit unit = minutes % (24 * 60) == 0 ? ChronoUnit.DAYS
                    : minutes % 60 == 0 ? ChronoUnit.HOURS : ChronoUnit.MINUTES;
            long amount = minutes / unit.getDuration().toMinutes();
            item.waitAmountProperty().set(String.valueOf(amount));
            item.waitUnitProperty().set(WorkflowForms.find(forms.waitUnits, unit));
        }
        return item;
    }

    private WelcomeFor defaultWelcomeFor() {
        Choice t = trigger.get();
        return t != null && t.value() == TriggerKind.OFFER_ACCESS_GRANTED ? WelcomeFor.TRIGGERING_OFFER
                : WelcomeFor.EVERY_ACTIVE_OFFER;
    }

    /** Reads the offers' names for the offer fields' suggestions. */
    public void load() {
        executor.submit(() -> offerService.list().stream().map(OfferView::name).toList(), offers::setAll,
                failure -> problems.setAll(Failures.describe(failure, messages)));
    }

    public void addFilter() {
        filters.add(new FilterItem(WorkflowForms.find(forms.filters, FilterKind.HAS_TAG)));
    }

    public void removeFilter(FilterItem item) {
        filters.remove(item);
    }

    public void moveFilter(FilterItem item, int by) {
        move(filters, item, by);
    }

    /** Adds a step at the end: Send Reset Link unless told otherwise. */
    public ActionItem addAction() {
        ActionItem item = action(ActionSpec.sendResetLink());
        actions.add(item);
        return item;
    }

    public void removeAction(ActionItem item) {
        actions.remove(item);
    }

    /** Moves a step up ({@code by} -1) or down (+1). */
    public void moveAction(ActionItem item, int by) {
        move(actions, item, by);
    }

    private static <T> void move(ObservableList<T> list, T item, int by) {
        int from = list.indexOf(item);
        int to = from + by;
        if (from < 0 || to < 0 || to >= list.size()) {
            return;
        }
        List<T> reordered = new ArrayList<>(list);
        reordered.remove(from);
        reordered.add(to, item);
        list.setAll(reordered);
    }

    /** The form as the service takes it. */
    public WorkflowDefinition definition() {
        Choice t = trigger.get();
        TriggerKind kind = t == null ? null : t.as(TriggerKind.class);
        List<String> triggerOfferNames = Arrays.stream(triggerOffers.get() == null ? new String[0]
                : triggerOffers.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        TriggerSpec spec = new TriggerSpec(kind, triggerOfferNames, WorkflowForms.text(triggerTag.get()),
                WorkflowForms.number(failures.get()), WorkflowForms.number(withinMinutes.get()));
        return new WorkflowDefinition(name.get(), enabled.get(), kind == null ? null : spec.normalized(),
                filters.stream().map(FilterItem::spec).toList(), actions.stream().map(ActionItem::spec).toList());
    }

    /** Saves the form, or lists what is wrong with it; the window closes once {@link #savedProperty()} turns true. */
    public void save() {
        if (saveCommand.isRunning()) {
            return;
        }
        WorkflowDefinition form = definition();
        saveTried.set(true);
        problems.clear();
        String name = originalName;
        UUID id = workflowId;
        Long seen = version;
        saveCommand.run(() -> name == null ? workflows.create(form, agent)
                : id != null ? workflows.update(id, seen, form, agent)
                : workflows.update(name, seen, form, agent), view -> {
                    meanwhile.succeeded();
                    saved.set(true);
                    onSaved.accept(view.name());
                });
    }

    /** After a refused save: the workflow as it is now replaces what was typed. */
    public void reload() {
        if (workflowId == null || saveCommand.isRunning()) {
            return;
        }
        saveCommand.run(() -> workflows.get(workflowId), view -> {
            meanwhile.succeeded();
            problems.clear();
            originalName = view.name();
            version = view.version();
            title.set(messages.get("editor.title.edit", view.name()));
            filters.clear();
            actions.clear();
            fill(view.definition());
        });
    }

    /** True after a save was refused because someone changed the workflow since it was loaded: Reload is offered. */
    public ReadOnlyBooleanProperty changedMeanwhileProperty() {
        return meanwhile.property();
    }

    private BooleanBinding triggerIs(TriggerKind kind) {
        return Bindings.createBooleanBinding(() -> trigger.get() != null && trigger.get().value() == kind,
                trigger);
    }

    public List<Choice> triggerChoices() {
        return forms.triggers;
    }

    public List<Choice> filterChoices() {
        return forms.filters;
    }

    public List<Choice> actionChoices() {
        return forms.actions;
    }

    public List<Choice> welcomeForChoices() {
        return forms.welcomeFor;
    }

    public List<Choice> waitUnitChoices() {
        return forms.waitUnits;
    }

    /** The drop-down entry of a value (TriggerKind.TAG_ADDED, ActionKind.SEND_RESET_LINK…), for tests and shortcuts. */
    public Choice choice(List<Choice> choices, Enum<?> value) {
        return WorkflowForms.find(choices, value);
    }

    public StringProperty nameProperty() {
        return name;
    }

    /**
     * What is wrong with the name as typed (required, too long, not one line) or, after a refused
     * save and until it is changed, that another workflow has it; empty when nothing is.
     */
    public ObservableStringValue nameError() {
        return nameError;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ObjectProperty<Choice> triggerProperty() {
        return trigger;
    }

    /** Offer Access Granted: only for these offers, comma-separated (empty: any offer). */
    public StringProperty triggerOffersProperty() {
        return triggerOffers;
    }

    public StringProperty triggerTagProperty() {
        return triggerTag;
    }

    /** Repeated Failed Logins: N failures… */
    public StringProperty failuresProperty() {
        return failures;
    }

    /** …within M minutes. */
    public StringProperty withinMinutesProperty() {
        return withinMinutes;
    }

    /** What is wrong with the number of failures as typed; empty when nothing is or another trigger is chosen. */
    public ObservableStringValue failuresError() {
        return failuresError;
    }

    /** What is wrong with the time window as typed; empty when nothing is or another trigger is chosen. */
    public ObservableStringValue withinMinutesError() {
        return withinError;
    }

    public BooleanBinding triggerHasOffersProperty() {
        return triggerHasOffers;
    }

    public BooleanBinding triggerHasTagProperty() {
        return triggerHasTag;
    }

    public BooleanBinding triggerHasFailuresProperty() {
        return triggerHasFailures;
    }

    /** In order; the view shows one row per filter. */
    public ObservableList<FilterItem> filters() {
        return filters;
    }

    /** In order; the view shows one row per step. */
    public ObservableList<ActionItem> actions() {
        return actions;
    }

    /** The offers' names, for suggestions. */
    public ObservableList<String> offers() {
        return offers;
    }

    /** What the service found wrong with the last Save; empty when nothing is. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saveCommand.runningProperty();
    }

    /** Turns true once Save succeeded. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** "New workflow" or "Edit workflow: Welcome new members". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
