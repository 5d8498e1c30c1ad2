package org.memberdesk.service.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.TriggerEvent;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.domain.Workflow;
import org.memberdesk.domain.WorkflowRun;
import org.memberdesk.domain.WorkflowStep;
import org.memberdesk.persistence.Tx;
import org.memberdesk.persistence.WorkflowRepository;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Lookups;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.FilterSpec;
import org.memberdesk.service.workflow.TriggerKind;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WelcomeFor;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.service.workflow.WorkflowJson;
import org.memberdesk.service.workflow.WorkflowValidator;

/**
 * Workflows: list, create, edit, enable and disable them; test one on a contact; run one by hand on
 * chosen contacts or a saved search; the run log per workflow and per contact; and the engine
 * that runs them ({@link #runDue()} for the command line, {@link #start()} for the console and
 * the portal). See {@link WorkflowEngine} for how a run happens exactly once.
 *
 * <p>"Enabled" governs the triggers only: a disabled workflow starts no run by itself, but an
 * agent may still test it or run it by hand. Runs already started finish as they were defined
 * when they started (each run keeps its own copy of its steps).
 */
public final class WorkflowService {

    /** The shipped default, enabled on a new database. */
    public static final String DEFAULT_NAME = "Welcome new members";

    /** Set once the default workflow has been installed, so renaming it never brings it back. */
    static final String DEFAULT_INSTALLED_SETTING = "workflows.default-installed";

    public static final int DEFAULT_RUN_LOG = 100;

    /** A workflow form with problems: each one is a sentence naming the part ("step 2: ..."). */
    public static final class InvalidWorkflow extends UserError {
        private final List<String> problems;

        InvalidWorkflow(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final ContactService contacts;
    private final WorkflowEngine engine;

  public   WorkflowService(Transactions tx, AuditLog audit, Clock clock, ContactService contacts, WorkflowEngine engine) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.contacts = contacts;
        this.engine = engine;
    }

    /** "Welcome new members": Offer Access Granted -> Send Membership Welcome Email for the triggering offer. */
    public static WorkflowDefinition defaultWorkflow() {
        return new WorkflowDefinition(DEFAULT_NAME, true, TriggerSpec.offerAccessGranted(), List.of(),
                List.of(ActionSpec.sendWelcome(WelcomeFor.TRIGGERING_OFFER)));
    }

    /**
     * Installs the default workflow the first time a database is opened: idempotent (a setting
     * records that it was done, so a renamed default never comes back), safe for several processes
     * opening a new database at once (checked again inside the write transaction).
     */
    public void installDefault() {
        if (tx.read(t -> t.settings().get(DEFAULT_INSTALLED_SETTING).isPresent())) {
            return;
        }
        tx.write(t -> {
            if (t.settings().get(DEFAULT_INSTALLED_SETTING).isPresent()) {
                return null;
            }
            Instant now = clock.instant();
            WorkflowDefinition d = defaultWorkflow();
            if (t.workflows().byName(d.name()).isEmpty()) {
                // Part of a new database, like its schema: not an action anyone took, so not audited.
                t.persist(new Workflow(d.name(), d.enabled(), TriggerType.OFFER_ACCESS_GRANTED,
                        WorkflowJson.definition(d), now));
            }
            t.settings().put(DEFAULT_INSTALLED_SETTING, now.toString(), now);
            return null;
        });
    }

    // ---- the list and the editor ----

    public List<WorkflowView> list() {
        return tx.read(t -> {
            Map<UUID, WorkflowRepository.RunStats> stats = t.workflows().runStats();
            return t.workflows().all().stream()
                    .map(w -> WorkflowView.of(w, stats.getOrDefault(w.getId(), WorkflowRepository.RunStats.NONE)))
                    .toList();
        });
    }

    public WorkflowView get(String name) {
        return tx.read(t -> {
            Workflow w = require(t, name);
            return WorkflowView.of(w, t.workflows().runStats().getOrDefault(w.getId(),
                    WorkflowRepository.RunStats.NONE));
        });
    }

    /** The workflow with this id, whatever it is called now. */
    public WorkflowView get(UUID id) {
        return tx.read(t -> {
            Workflow w = require(t, id);
            return WorkflowView.of(w, t.workflows().runStats().getOrDefault(w.getId(),
                    WorkflowRepository.RunStats.NONE));
        });
    }

    /**
     * Everything wrong with a form, for the editor to show as the agent types; empty when it can be
     * saved. {@code currentName} is the name of the workflow being edited, or null for a new one.
     */
    public List<String> problems(String currentName, WorkflowDefinition form) {
        return tx.read(t -> problems(t, currentName, form));
    }

    public WorkflowView create(WorkflowDefinition form, Actor actor) {
        return tx.write(t -> {
            WorkflowDefinition d = valid(t, null, form);
            Instant now = clock.instant();
            Workflow w = new Workflow(d.name(), d.enabled(), triggerType(d.trigger().kind()),
                    WorkflowJson.definition(d), now);
            t.persist(w);
            audit.record(t, actor, "workflow.created", null, d.name() + (d.enabled() ? "" : " (disabled)")
                    + ": " + d.summary());
            return WorkflowView.of(w, WorkflowRepository.RunStats.NONE);
        });
    }

    /** Replaces the workflow named {@code name} with the form (which may rename it and change its state). */
    public WorkflowView update(String name, WorkflowDefinition form, Actor actor) {
        return update(name, null, form, actor);
    }

    /**
     * {@link #update(String, WorkflowDefinition, Actor)} from an editor filled with the workflow as
     * it was at {@code seenVersion} (its {@link WorkflowView#version()}): refused with {@link
     * UserError.ChangedMeanwhile}, saving nothing, when it was edited, enabled or disabled since.
     * Null checks nothing.
     */
    public WorkflowView update(String name, Long seenVersion, WorkflowDefinition form, Actor actor) {
        return tx.write(t -> update(t, require(t, name), seenVersion, form, actor));
    }

    /**
     * {@link #update(String, Long, WorkflowDefinition, Actor)} of the workflow with this id, so that
     * a rename meanwhile (by another desk) is refused as a change, not as a workflow that is gone.
     */
    public WorkflowView update(UUID id, long seenVersion, WorkflowDefinition form, Actor actor) {
        return tx.write(t -> update(t, require(t, id), seenVersion, form, actor));
    }

    private static Workflow require(Tx t, UUID id) {
        Workflow w = t.find(Workflow.class, id);
        if (w == null) {
            throw new UserError("that workflow no longer exists");
        }
        return w;
    }

    private WorkflowView update(Tx t, Workflow w, Long seenVersion, WorkflowDefinition form, Actor actor) {
        if (seenVersion != null && w.getVersion() != seenVersion) {
            String name = w.getName();
            throw audit.changedMeanwhile(t, null, List.of("workflow.updated", "workflow.enabled",
                    "workflow.disabled"), name, detail -> isAbout(detail, name), w.getUpdatedAt());
        }
        WorkflowDefinition d = valid(t, w.getName(), form);
        Instant now = clock.instant();
        String before = w.getName();
        w.change(d.name(), triggerType(d.trigger().kind()), WorkflowJson.definition(d), now);
        w.setEnabled(d.enabled(), now);
        audit.record(t, actor, "workflow.updated", null, (before.equals(d.name()) ? d.name()
                : before + " -> " + d.name()) + (d.enabled() ? "" : " (disabled)") + ": " + d.summary());
        t.flush(); // counts the version up now, for the view to carry
        return WorkflowView.of(w, t.workflows().runStats().getOrDefault(w.getId(),
                WorkflowRepository.RunStats.NONE));
    }

    /**
     * Whether an update's, enable's or disable's audit detail (as written above and below) is about
     * the workflow now called {@code name}: "Foo" is not about "Foobar", "Old -> Foo: ..." is about "Foo".
     */
    private static boolean isAbout(String detail, String name) {
        if (detail == null || detail.equals(name)) {
            return detail != null;
        }
        for (String head : List.of(name + ": ", name + " (disabled): ")) {
            int at = detail.indexOf(head);
            if (at == 0 || at > 0 && detail.startsWith(" -> ", at - 4)
                    && !detail.substring(0, at - 4).contains(": ")) {
                return true;
            }
        }
        return false;
    }

    /** Turns its trigger on. Returns whether that changed anything. */
    public boolean enable(String name, Actor actor) {
        return setEnabled(name, true, actor);
    }

    /** Turns its trigger off (runs already started finish). Returns whether that changed anything. */
    public boolean disable(String name, Actor actor) {
        return setEnabled(name, false, actor);
    }

    private boolean setEnabled(String name, boolean enabled, Actor actor) {
        return tx.write(t -> {
            Workflow w = require(t, name);
            if (!w.setEnabled(enabled, clock.instant())) {
                return false;
            }
            audit.record(t, actor, enabled ? "workflow.enabled" : "workflow.disabled", null, w.getName());
            return true;
        });
    }

    // ---- running by hand ----

    /**
     * Runs the workflow now for one contact, whatever its trigger and state, and returns each step's
     * outcome. Its actions really happen (the welcome is queued, the tag added), as they would for
     * the contact; Wait steps are reported as skipped and the run goes straight on. For an Offer
     * Access Granted workflow, the "triggering offer" is the contact's latest active offer the
     * trigger covers. The run is in the run log as a test run.
     */
    public WorkflowRunView testOnContact(String name, String contactEmail, Actor actor) {
        UUID runId = engine.startAndAct(t -> {
            Workflow w = require(t, name);
            Contact contact = Lookups.contact(t, contactEmail);
            Instant now = clock.instant();
            TriggerEvent event = new TriggerEvent(TriggerType.MANUAL, contact, null,
                    new TriggerLog.ManualRequest(w.getId(), WorkflowRun.Mode.TEST, actor.name()).detail(), now);
            t.triggers().record(event);
            event.markProcessed(now);
            audit.record(t, actor, "workflow.test-run", contact, w.getName());
            return engine.startRun(t, w, event, WorkflowRun.Mode.TEST, now);
        });
        return run(runId);
    }

    /** Runs the workflow now on these contacts (see {@link #runManualOnSearch}). */
    public ManualRunResult runManual(String name, Collection<String> contactEmails, Actor actor,
                                     Consumer<WorkflowProgress> progress) {
        if (contactEmails == null || contactEmails.isEmpty()) {
            throw new UserError("choose at least one contact");
        }
        Set<String> emails = new LinkedHashSet<>();
        for (String email : contactEmails) {
            try {
                emails.add(EmailAddress.lookupKey(email));
            } catch (InvalidInputException e) {
                throw new UserError(e.getMessage());
            }
        }
        List<UUID> ids = tx.read(t -> {
            require(t, name);
            List<UUID> found = new ArrayList<>();
            for (String email : emails) {
                found.add(Lookups.contact(t, email).getId());
            }
            return found;
        });
        return runManual(name, ids, actor, progress, ids.size() == 1 ? emails.iterator().next()
                : ids.size() + " chosen contacts");
    }

    /**
     * Runs the workflow now, whatever its trigger and state, on every contact a saved search finds
     * (the contact list's search, without its 50-row limit). The requests are written in one
     * transaction first (a crash after that loses none: any engine finishes them), then runs start
     * and advance in batches, with progress reported after each.
     */
    public ManualRunResult runManualOnSearch(String name, String savedSearch, Actor actor,
                                             Consumer<WorkflowProgress> progress) {
        if (savedSearch == null || savedSearch.isBlank()) {
            throw new UserError("a saved search is required");
        }
        tx.read(t -> require(t, name));
        List<UUID> ids = contacts.find(savedSearch, Integer.MAX_VALUE).stream().map(ContactSummary::id).toList();
        if (ids.isEmpty()) {
            throw new UserError("the search '" + savedSearch.trim() + "' finds no contact");
        }
        return runManual(name, ids, actor, progress, "the search '" + savedSearch.trim() + "'");
    }

    private ManualRunResult runManual(String name, List<UUID> contactIds, Actor actor,
                                      Consumer<WorkflowProgress> progress, String on) {
        return engine.exclusively(() -> {
            int batch = engine.policy().batchSize();
            List<UUID> eventIds = new ArrayList<>(contactIds.size());
            String workflowName = tx.write(t -> {
                Workflow w = require(t, name);
                Instant now = clock.instant();
                String detail = new TriggerLog.ManualRequest(w.getId(), WorkflowRun.Mode.MANUAL, actor.name()).detail();
                int n = 0;
                for (UUID contactId : contactIds) {
                    TriggerEvent event = new TriggerEvent(TriggerType.MANUAL, t.reference(Contact.class,
                            contactId), null, detail, now);
                    t.triggers().record(event);
                    eventIds.add(event.getId());
                    if (++n % batch == 0) {
                        t.flush();
                        t.clear();
                        w = t.workflows().byId(w.getId()).orElseThrow();
                    }
                }
                audit.record(t, actor, "workflow.manual-run", null, w.getName() + " on " + on + " ("
                        + contactIds.size() + (contactIds.size() == 1 ? " contact)" : " contacts)"));
                return w.getName();
            });
            if (progress != null) {
                progress.accept(new WorkflowProgress("recording", contactIds.size(), contactIds.size()));
            }
            WorkflowPass pass = engine.runDue(progress);
            List<UUID> runIds = new ArrayList<>(eventIds.size());
            for (int i = 0; i < eventIds.size(); i += 1000) {
                List<UUID> chunk = eventIds.subList(i, Math.min(eventIds.size(), i + 1000));
                runIds.addAll(tx.read(t -> t.workflowRuns().ofEvents(chunk).stream().map(WorkflowRun::getId).toList()));
            }
            return new ManualRunResult(workflowName, contactIds.size(), runIds, pass);
        });
    }

    // ---- the run log ----

    /** The workflow's latest runs, newest first, each with its steps. */
    public List<WorkflowRunView> runs(String name, int limit) {
        return tx.read(t -> views(t, t.workflowRuns().ofWorkflow(require(t, name).getId(), Math.max(1, limit))));
    }

    /** The workflows that ran on a contact, newest first, each run with its steps. */
    public List<WorkflowRunView> runsForContact(UUID contactId) {
        return runsForContact(contactId, DEFAULT_RUN_LOG);
    }

    public List<WorkflowRunView> runsForContact(UUID contactId, int limit) {
        return tx.read(t -> views(t, t.workflowRuns().ofContact(contactId, Math.max(1, limit))));
    }

    public WorkflowRunView run(UUID runId) {
        return tx.read(t -> {
            WorkflowRun run = t.workflowRuns().byId(runId).orElseThrow(() -> new UserError("no workflow run " + runId));
            return views(t, List.of(run)).get(0);
        });
    }

    private static List<WorkflowRunView> views(Tx t, List<WorkflowRun> runs) {
        Map<UUID, List<WorkflowStep>> steps = new HashMap<>();
        List<UUID> ids = runs.stream().map(WorkflowRun::getId).toList();
        for (WorkflowStep s : t.workflowRuns().steps(ids)) {
            steps.computeIfAbsent(s.getRun().getId(), k -> new ArrayList<>()).add(s);
        }
        return runs.stream().map(r -> WorkflowRunView.of(r, steps.getOrDefault(r.getId(), List.of()))).toList();
    }

    // ---- the engine ----

    /**
     * Runs what is due now, synchronously: every pending trigger event becomes runs, every due run
     * advances to its next Wait or its end. What a command line command calls before it exits.
     */
    public WorkflowPass runDue() {
        return runDue(null);
    }

    public WorkflowPass runDue(Consumer<WorkflowProgress> progress) {
        return engine.runDue(progress);
    }

    /** For the console and {@code portal serve}: run workflows in the background, woken when events are recorded. */
    public void start() {
        engine.start();
    }

    public void stop() {
        engine.stop();
    }

    /** The final stop, as the database closes: {@link #start()} does nothing afterwards. */
    public void close() {
        engine.close();
    }

    public boolean isRunning() {
        return engine.isStarted();
    }

    /** Progress of every pass, also the background thread's; returns what unsubscribes. */
    public Runnable onProgress(Consumer<WorkflowProgress> listener) {
        return engine.onProgress(listener);
    }

    WorkflowEngine engine() {
        return engine;
    }

    // ---- validation ----

    private WorkflowDefinition valid(Tx t, String currentName, WorkflowDefinition form) {
        List<String> problems = problems(t, currentName, form);
        if (!problems.isEmpty()) {
            throw new InvalidWorkflow(problems);
        }
        return WorkflowValidator.normalize(form);
    }

    private static List<String> problems(Tx t, String currentName, WorkflowDefinition form) {
        List<String> problems = new ArrayList<>(WorkflowValidator.problems(form));
        if (form == null) {
            return problems;
        }
        if (form.name() != null && !form.name().isBlank()) {
            t.workflows().byName(form.name())
                    .filter(other -> currentName == null || !Workflow.key(currentName).equals(Workflow.key(other.getName())))
                    .ifPresent(other -> problems.add("a workflow named '" + other.getName() + "' already exists"));
        }
        TriggerSpec trigger = form.trigger();
        if (trigger != null && trigger.kind() == TriggerKind.OFFER_ACCESS_GRANTED) {
            for (String offer : trigger.offers()) {
                offerExists(t, "trigger " + trigger.kind().label() + ": ", offer, problems);
            }
        }
        for (int i = 0; i < form.filters().size(); i++) {
            FilterSpec f = form.filters().get(i);
            if (f.kind() != null && f.offer() != null && !f.offer().isBlank()) {
                offerExists(t, "filter " + (i + 1) + ": ", f.offer(), problems);
            }
        }
        for (int i = 0; i < form.actions().size(); i++) {
            ActionSpec a = form.actions().get(i);
            if (a.kind() != null && a.welcomeFor() == WelcomeFor.CHOSEN_OFFER && a.offer() != null
                    && !a.offer().isBlank()) {
                offerExists(t, "step " + (i + 1) + ": ", a.offer(), problems);
            }
        }
        return problems;
    }

    private static void offerExists(Tx t, String prefix, String offer, List<String> problems) {
        if (t.offers().byName(offer).isEmpty()) {
            problems.add(prefix + "no offer named '" + offer.trim() + "'");
        }
    }

    private static TriggerType triggerType(TriggerKind kind) {
        return TriggerType.valueOf(kind.name());
    }

    private static Workflow require(Tx t, String name) {
        if (name == null || name.isBlank()) {
            throw new UserError("workflow name is required");
        }
        return t.workflows().byName(name).orElseThrow(() -> new UserError("no workflow named '" + name.trim() + "'"));
    }
}
