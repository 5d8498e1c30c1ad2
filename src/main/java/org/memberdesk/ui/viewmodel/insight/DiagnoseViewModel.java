package org.memberdesk.ui.viewmodel.insight;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.diagnostics.Concern;
import org.memberdesk.service.diagnostics.Finding;
import org.memberdesk.service.diagnostics.Fix;
import org.memberdesk.service.diagnostics.FixResult;
import org.memberdesk.service.diagnostics.Severity;
import org.memberdesk.service.email.DeliveryProgress;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.offers.GrantView;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.Rereads;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * "Why can't they log in?" for one contact: first asks what the contact needs help with (an offer,
 * a community group, an email that never arrived, or not sure), then runs the checks off the UI
 * thread and lists the findings worst first, each with its evidence and fix buttons. A fix is
 * applied through the diagnostics service; then the checks run again and the contact window reloads.
 * When the fix queued an email, the checks run once more when this console has delivered it. A
 * result on show never changes by itself otherwise: when the contact changes meanwhile and the
 * checks would now say something else, it is marked out of date, and Check again runs them anew.
 */
public final class DiagnoseViewModel {

    /** The answers to "what do they need help with?". */
    public enum Question {
        /** A membership offer: one of theirs, another one, or membership in general. */
        OFFER,
        /** One community group. */
        COMMUNITY,
        /** An email never arrived; nothing else said. */
        EMAIL,
        /** Not sure: only the checks that need no answer. */
        NOT_SURE
    }

    /** What the window asks of the contact window it belongs to. */
    public interface ContactHooks {
        /** Something changed: read the contact again. */
        void reload();

        /** Show the contact's Offers tab (the fix of an offer that is missing, revoked or expired). */
        void showOffers();

        /** Open Edit contact (the fix of a hard bounce: the agent checks the address). */
        default void editContact() {
        }

        /**
         * Open Edit contact with {@code proposedEmail} typed in (the fix of a mistyped address): the
         * form asks how the caller was verified before the address changes.
         */
        default void editContact(String proposedEmail) {
            editContact();
        }
    }

    private final InsightBackend backend;
    private final UUID contactId;
    private final ContactHooks contact;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final InsightTools tools;

    private final ObjectProperty<Question> question = new SimpleObjectProperty<>(this, "question");
    private final ObservableList<TopicChoice> offerChoices = FXCollections.observableArrayList();
    private final ObjectProperty<TopicChoice> offer = new SimpleObjectProperty<>(this, "offer");
    private final ObservableList<TopicChoice> groupChoices = FXCollections.observableArrayList();
    private final ObjectProperty<TopicChoice> group = new SimpleObjectProperty<>(this, "group");
    private final BooleanProperty notReceived = new SimpleBooleanProperty(this, "notReceived");

    private final ReadOnlyStringWrapper contactName = new ReadOnlyStringWrapper(this, "contactName", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper diagnosed = new ReadOnlyBooleanWrapper(this, "diagnosed");
    private final ReadOnlyBooleanWrapper outOfDate = new ReadOnlyBooleanWrapper(this, "outOfDate");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();
    private final ObservableList<FindingRow> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final BooleanBinding canRun;
    private final Command loadCommand;
    private final Command checkCommand;
    private final Command fixCommand;

    private final DeliveryFeed deliveries;
    private final Rereads comparisons = new Rereads(this::compareWithNow);

    private Concern asked;
    private List<Finding> shownFindings = List.of();
    private boolean checkAgain;
    private boolean changedWhileChecking;
    private UUID awaitedEmail;
    private Runnable stopFollowing = () -> { };
    private boolean closed;

    public DiagnoseViewModel(InsightBackend backend, UUID contactId, String knownName, ContactHooks contact,
                             InsightTools tools) {
        this(backend, contactId, knownName, contact, tools, new DeliveryFeed(tools.executor()));
    }

    /** As above, following {@code deliveries} to check again once a fix's email has gone out. */
    public DiagnoseViewModel(InsightBackend backend, UUID contactId, String knownName, ContactHooks contact,
                             InsightTools tools, DeliveryFeed deliveries) {
        this.deliveries = deliveries;
        this.backend = backend;
        this.contactId = contactId;
        this.contact = contact;
        this.tools = tools;
        this.executor = tools.executor();
        this.messages = tools.messages();
        contactName.set(knownName == null ? "" : knownName);
        loadCommand = new Command(executor, failure -> error.set(Failures.describe(failure, messages)));
        checkCommand = new Command(executor, this::checkFailed);
        fixCommand = new Command(executor, failure -> {
            status.set("");
            error.set(Failures.describe(failure, messages));
        });
        running.bind(checkCommand.runningProperty().or(fixCommand.runningProperty()));
        question.addListener((o, before, now) -> error.set(""));
        canRun = Bindings.createBooleanBinding(() -> !running.get() && !loadCommand.isRunning() && answered(),
                question, offer, group, running, loadCommand.runningProperty());
    }

    private boolean answered() {
        Question q = question.get();
        if (q == null) {
            return false;
        }
        return switch (q) {
            case OFFER -> offer.get() != null;
            case COMMUNITY -> group.get() != null;
            case EMAIL, NOT_SURE -> true;
        };
    }

    /** Reads the contact's offers and groups and every offer and group there is, for the question. */
    public void load() {
        loadCommand.run(() -> new Choices(backend.contacts().card(contactId), backend.offers().list().stream()
                        .map(o -> o.name()).toList(),
                        backend.communities().list().stream().map(g -> g.name()).toList()),
                this::showChoices);
    }

    private record Choices(ContactCard card, List<String> offers, List<String> groups) {
    }

    private void showChoices(Choices choices) {
        contactName.set(choices.card().contact().name());
        List<TopicChoice> offers = new ArrayList<>();
        offers.add(new TopicChoice(null, messages.get("diagnose.offer.any"), false));
        Set<String> theirs = new LinkedHashSet<>();
        for (GrantView grant : choices.card().offers()) {
            if (theirs.add(grant.offer())) {
                offers.add(new TopicChoice(grant.offer(), messages.get("diagnose.offer.theirs", grant.offer(),
                        messages.getOrDefault("offer.status." + grant.status().code(), grant.status().code())), true));
            }
        }
        choices.offers().stream().filter(name -> !theirs.contains(name))
                .forEach(name -> offers.add(new TopicChoice(name, messages.get("diagnose.offer.other", name), false)));
        offerChoices.setAll(offers);
        offer.set(offers.size() > 1 && offers.get(1).theirs() ? offers.get(1) : offers.get(0));

        Set<String> memberOf = new LinkedHashSet<>();
        choices.card().communities().forEach(c -> memberOf.add(c.group()));
        List<TopicChoice> groups = new ArrayList<>();
        memberOf.forEach(name -> groups.add(new TopicChoice(name, messages.get("diagnose.group.theirs", name), true)));
        choices.groups().stream().filter(name -> !memberOf.contains(name))
                .forEach(name -> groups.add(new TopicChoice(name, messages.get("diagnose.group.other", name), false)));
        groupChoices.setAll(groups);
        group.set(groups.isEmpty() ? null : groups.get(0));
    }

    /** The concern the answer stands for; null until a question is answered. */
    Concern concern() {
        Question q = question.get();
        if (q == null) {
            return null;
        }
        return switch (q) {
            case OFFER -> {
                TopicChoice chosen = offer.get();
                if (chosen == null) {
                    yield null;
                }
                Concern c = chosen.name() == null ? Concern.membership() : Concern.offer(chosen.name());
                yield notReceived.get() ? c.andNotReceived() : c;
            }
            case COMMUNITY -> {
                TopicChoice chosen = group.get();
                if (chosen == null) {
                    yield null;
                }
                Concern c = Concern.community(chosen.name());
                yield notReceived.get() ? c.andNotReceived() : c;
            }
            case EMAIL -> Concern.emailNeverArrived();
            case NOT_SURE -> Concern.none();
        };
    }

    /** Runs every check for the answer given, in the background. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        asked = concern();
        status.set("");
        diagnose();
    }

    /** Back to the question, to ask about something else. */
    public void askAgain() {
        diagnosed.set(false);
        outOfDate.set(false);
        shownFindings = List.of();
        findings.clear();
        heading.set("");
        status.set("");
        error.set("");
    }

    private void diagnose() {
        if (checkCommand.isRunning()) {
            checkAgain = true; // the checks under way started before what changed since: their answer is dropped
            return;
        }
        Concern concern = asked;
        error.set("");
        changedWhileChecking = false;
        checkCommand.run(() -> backend.diagnostics().diagnose(currentEmail(), concern), found -> {
            if (closed || superseded()) {
                return;
            }
            shownFindings = found;
            findings.setAll(found.stream().map(this::row).toList());
            heading.set(found.isEmpty() ? messages.get("diagnose.heading.none", concern.describe())
                    : messages.get("diagnose.heading", found.size(), concern.describe()));
            diagnosed.set(true);
            outOfDate.set(false);
            if (changedWhileChecking) {
                changedWhileChecking = false; // these checks may have read the contact before the change
                comparisons.request();
            }
        });
    }

    /**
     * Something about {@code changedContact} changed (anyone, anywhere). When it is this window's
     * contact and a result shows, the checks run in the background and, only if they would now say
     * something else, the result is marked {@link #outOfDateProperty() out of date}; what shows stays.
     */
    public void markOutOfDate(UUID changedContact) {
        if (contactId.equals(changedContact)) {
            mayBeOutOfDate();
        }
    }

    /**
     * Something changed that names no one contact (an offer, a group, the settings, or everything at
     * once): checked as in {@link #markOutOfDate(UUID)}, since it may alter this window's answer.
     */
    public void mayBeOutOfDate() {
        if (closed) {
            return;
        }
        if (checkCommand.isRunning()) {
            changedWhileChecking = true;
        } else if (diagnosed.get() && !outOfDate.get()) {
            comparisons.request();
        }
    }

    private void compareWithNow() {
        Concern concern = asked;
        List<Finding> shown = shownFindings;
        executor.submit(() -> backend.diagnostics().diagnose(currentEmail(), concern), found -> {
            comparisons.finished();
            if (!closed && diagnosed.get() && shown == shownFindings && !found.equals(shown)) {
                outOfDate.set(true);
            }
        }, failure -> {
            comparisons.finished();
            if (!closed && diagnosed.get() && shown == shownFindings) {
                outOfDate.set(true); // the contact may be gone or changed beyond these checks
            }
        });
    }

    /** Check again (and F5): runs the checks for the same answer anew; the out-of-date mark goes. */
    public void checkAgain() {
        if (closed || asked == null || !diagnosed.get()) {
            return;
        }
        status.set("");
        outOfDate.set(false);
        diagnose();
    }

    private void checkFailed(Exception failure) {
        if (closed || superseded()) {
            return;
        }
        error.set(Failures.describe(failure, messages));
    }

    /** Checks were asked for again while these ran: run them again instead of showing this answer. */
    private boolean superseded() {
        if (!checkAgain) {
            return false;
        }
        checkAgain = false;
        diagnose();
        return true;
    }

    /** The contact's address as stored now (a fix may have just changed it). */
    private String currentEmail() {
        return backend.contacts().card(contactId).contact().email();
    }

    /**
     * Applies one fix. Opening the Offers tab or Edit contact happens in the contact window; every other fix goes
     * through the diagnostics service, then the checks run again and the contact window reloads.
     */
    public void apply(FixChoice choice) {
        if (choice == null || running.get()) {
            return;
        }
        Fix fix = choice.fix();
        if (fix.action() == Fix.Action.CHECK_ADDRESS) {
            contact.editContact();
            status.set(messages.get("diagnose.fix.editOpened"));
            return;
        }
        if (fix.navigation()) {
            contact.showOffers();
            status.set(messages.get("diagnose.fix.offersOpened"));
            return;
        }
        Map<String, String> params = new LinkedHashMap<>(fix.params());
        if (choice.needsInput()) {
            String typed = choice.inputProperty().get() == null ? "" : choice.inputProperty().get().strip();
            if (typed.isEmpty()) {
                error.set(messages.get("diagnose.fix.emailRequired"));
                return;
            }
            // A new address gets every future link: Edit contact asks how the caller was verified.
            error.set("");
            contact.editContact(typed);
            status.set(messages.get("diagnose.fix.editEmailOpened", typed));
            return;
        }
        error.set("");
        status.set(messages.get("diagnose.fix.applying", choice.label()));
        fixCommand.run(() -> backend.diagnostics().applyFix(currentEmail(), fix.action(), params, tools.agent()),
                this::fixed);
    }

    private void fixed(FixResult result) {
        contact.reload();
        if (closed) {
            return;
        }
        status.set(messages.get(result.changed() ? "diagnose.fix.done" : "diagnose.fix.nothing", result.message()));
        awaitDelivery(result.emailId());
        diagnose();
    }

    private FindingRow row(Finding finding) {
        List<String> evidence = new ArrayList<>();
        finding.evidence().forEach((key, value) -> {
            if (shown(key)) {
                evidence.add(messages.get("diagnose.evidence", words(key), value(key, value)));
            }
        });
        List<FixChoice> fixes = new ArrayList<>();
        for (int i = 0; i < finding.fixes().size(); i++) {
            Fix fix = finding.fixes().get(i);
            fixes.add(new FixChoice(fix, fix.label(), i == 0));
        }
        return new FindingRow(finding.code(), messages.get("diagnose.severity." + finding.severity().code()),
                tone(finding.severity()), finding.message(), List.copyOf(evidence), List.copyOf(fixes));
    }

    private static Tone tone(Severity severity) {
        return switch (severity) {
            case PROBLEM -> Tone.BAD;
            case WARNING -> Tone.CAUTION;
            case INFO -> Tone.NEUTRAL;
        };
    }

    /** Internal ids (emailId, grantId) mean nothing to the agent; the SMTP message id does. */
    static boolean shown(String key) {
        return !key.endsWith("Id") || key.equals("messageId");
    }

    /** "sentAt" -> "sent at"; "messageId" -> "message id". */
    static String words(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** Times (keys ending in At) in the agent's time zone; anything else as it is. */
    private String value(String key, String value) {
        if (key.endsWith("At") && value != null) {
            try {
                return tools.time().format(Instant.parse(value));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    /**
     * The checks right after a fix see its email still in the outbox; once this console has sent it
     * (or the server answered), they run again, since that is the outcome the agent waits for.
     */
    private void awaitDelivery(UUID emailId) {
        stopFollowing.run();
        awaitedEmail = emailId;
        stopFollowing = emailId == null ? () -> { } : deliveries.listen(this::onDelivery);
    }

    private void onDelivery(DeliveryProgress event) {
        // retrying is not the outcome the agent waits for: it will still be sent or fail
        if (closed || event.phase() != DeliveryProgress.Phase.MESSAGE_UPDATED || awaitedEmail == null
                || !awaitedEmail.equals(event.emailId()) || event.status().inFlight()) {
            return;
        }
        awaitDelivery(null);
        status.set(messages.get(event.status() == EmailView.Status.SENT ? "diagnose.fix.sent" : "diagnose.fix.failed"));
        diagnose();
    }

    /** The window closed: late answers are dropped. */
    public void close() {
        closed = true;
        comparisons.cancel();
        awaitDelivery(null);
    }

    public UUID contactId() {
        return contactId;
    }

    public ObjectProperty<Question> questionProperty() {
        return question;
    }

    /** "Any of their offers" first, then the contact's offers, then every other offer. */
    public ObservableList<TopicChoice> offerChoices() {
        return offerChoices;
    }

    public ObjectProperty<TopicChoice> offerProperty() {
        return offer;
    }

    /** The contact's groups first, then every other group. */
    public ObservableList<TopicChoice> groupChoices() {
        return groupChoices;
    }

    public ObjectProperty<TopicChoice> groupProperty() {
        return group;
    }

    /** With an offer or a group: they also say an email never arrived. */
    public BooleanProperty notReceivedProperty() {
        return notReceived;
    }

    public ReadOnlyStringProperty contactNameProperty() {
        return contactName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loadCommand.runningProperty();
    }

    /** Checks or a fix are running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The checks would now say something else than the findings on show: Check again. */
    public ReadOnlyBooleanProperty outOfDateProperty() {
        return outOfDate.getReadOnlyProperty();
    }

    /** The findings are showing (not the question). */
    public ReadOnlyBooleanProperty diagnosedProperty() {
        return diagnosed.getReadOnlyProperty();
    }

    public ObservableBooleanValue canRunProperty() {
        return canRun;
    }

    /** "3 findings about membership offer Gold" or "Nothing found". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** What the last fix did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Worst first. */
    public ObservableList<FindingRow> findings() {
        return findingsView;
    }
}
