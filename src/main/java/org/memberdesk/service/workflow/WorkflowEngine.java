package org.memberdesk.service.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.memberdesk.domain.AuditEvent;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.TriggerEvent;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.domain.Workflow;
import org.memberdesk.domain.WorkflowRun;
import org.memberdesk.domain.WorkflowStep;
import org.memberdesk.persistence.BackgroundLoop;
import org.memberdesk.persistence.TransientFailure;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.portal.FailedLoginCounter;
import org.memberdesk.service.workflow.ActionKind;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.FilterKind;
import org.memberdesk.service.workflow.FilterSpec;
import org.memberdesk.service.workflow.TriggerKind;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.service.workflow.WorkflowJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns trigger events into workflow runs and runs into steps, durably and exactly once per
 * (workflow, event), in batches, in any number of processes sharing one database.
 *
 * <h2>Exactly once</h2>
 * Every effect of a workflow is a row in the same database: a queued email (the outbox; nothing
 * goes over SMTP before its row is committed), a tag, a note, an audit entry, a new trigger event.
 * The engine never has an effect outside a transaction, so it can make every step all-or-nothing:
 * <ol>
 * <li><b>Event to run.</b> One transaction reads unprocessed events, writes one {@code workflow_run}
 *     (with all its steps as {@code pending} rows, each with its own copy of the step's settings)
 *     per matching workflow, and marks the event processed. Committed together or not at all: an
 *     event is either still unprocessed (and will be turned into runs later) or has its runs. The
 *     unique key (workflow_id, event_id) refuses a second run for the same pair even if two
 *     engines raced (on SQLite they cannot: write transactions begin IMMEDIATE and are serial).</li>
 * <li><b>Claim.</b> One transaction takes a lease on a batch of due runs (owner + expiry, like the
 *     outbox dispatcher) and marks each one's current step {@code running} (counting the
 *     attempt). A step is thus recorded before it acts.</li>
 * <li><b>Act.</b> One transaction, for each claimed run still leased by this claim, runs its steps
 *     from the current one until a Wait, the end, a filter that does not match or a failure. Each
 *     step's effect and the step's new status ({@code done}, {@code skipped}, {@code waiting},
 *     {@code failed}) and outcome text, the run's new position and the release of the lease are
 *     committed together. A filter and the actions after it are judged and done atomically (no
 *     other writer between "no welcome in the last 24 hours" and queueing the welcome).</li>
 * </ol>
 * A crash (kill -9, power cut before the commit) at any moment therefore leaves either the state
 * before a transaction or after it. After "claim" and before "act" commits, the runs hold an
 * expired-to-be lease and their step reads {@code running}, with no effect written: the next engine
 * (in this or another process) claims them again once the lease has run out and does the step
 * once; the step's outcome notes the interrupted attempt. A step interrupted more than
 * {@code maxAttempts} times fails instead of crashing the engine forever. After "act" commits, the
 * step is done and its email queued: nothing runs it again. A welcome email is never queued twice
 * for one (workflow, event); delivery itself is the outbox's business (at most a message in
 * flight at a crash is sent again, see {@code Dispatcher}).
 *
 * <p>Wait steps store the run's {@code next_at}; a run waiting is claimed again only when that
 * time has come, by whichever engine runs then, after any restart.
 *
 * <p>Batches (default 500 runs or events per transaction) keep 10,000 grants to a few dozen
 * transactions, each short enough that other writers (the console, the portal, the dispatcher)
 * get the database in between; progress is reported after each batch. When a batch fails on
 * something unexpected, its runs are retried one per transaction and the one that still fails is
 * marked failed with the error, so one bad run never holds up the others. Lock timeouts and
 * version conflicts are not failures of a run: the pass stops, the lease runs out, a later pass
 * retries.
 */
public final class WorkflowEngine {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);

    /** Batch size, how long a claim holds, how often the background thread looks, and how many interrupted attempts a step gets. */
    public record Policy(int batchSize, Duration lease, Duration pollInterval, int maxAttempts) {
        public static final Policy DEFAULT = new Policy(500, Duration.ofMinutes(2), Duration.ofSeconds(5), 3);
    }

    /** A workflow read once per batch: its definition and its steps as they are copied into a run. */
    private record Plan(Workflow workflow, WorkflowDefinition definition, List<StepPlan> steps) {
    }

    private record StepPlan(String phase, String kind, String spec, String label) {
    }

    private record Claim(String lease, List<UUID> runIds) {
    }

    private final Transactions tx;
    private final Clock clock;
    private final AuditLog audit;
    private final WorkflowSteps steps;
    private final FailedLoginCounter failedLogins;
    private final BackgroundLoop loop;
    private final AtomicLong claims = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Consumer<WorkflowProgress>> listeners = new CopyOnWriteArrayList<>();
    private volatile Policy policy;

  public   WorkflowEngine(Transactions tx, Clock clock, AuditLog audit, WorkflowSteps steps, FailedLoginCounter failedLogins,
                   Policy policy) {
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
        this.steps = steps;
        this.failedLogins = failedLogins;
        this.policy = policy;
        this.loop = new BackgroundLoop("workflow-engine", "wf/", () -> this.policy.pollInterval(),
                () -> runDue(null));
    }

    Policy policy() {
        return policy;
    }

    /** For tests and tuning. */
    void policy(Policy newPolicy) {
        this.policy = Objects.requireNonNull(newPolicy);
    }

    Runnable onProgress(Consumer<WorkflowProgress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Runs work while no pass of this engine runs (a pass waits for it). */
    <T> T exclusively(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    // ---- background thread (console, portal serve) ----

    void start() {
        loop.start();
    }

    boolean isStarted() {
        return loop.isStarted();
    }

    /** Wakes the background thread (after a transaction that recorded trigger events committed). */
    public void signal() {
        loop.signal();
    }

    /** Stops the background thread after the batch it is in; what it has not claimed stays due. */
    void stop() {
        loop.stop();
    }

    /** The final stop, as the database closes: the engine does not start again. */
    void close() {
        loop.close();
    }

    // ---- passes ----

    /** Turns every pending event into runs and advances every due run, batch after batch, until nothing is due. */
    WorkflowPass runDue(Consumer<WorkflowProgress> progress) {
        lock.lock();
        try {
            WorkflowPass total = WorkflowPass.NONE;
            while (!loop.stopping()) {
                if (!tx.read(t -> t.workflowRuns().anythingDue(clock.instant()))) {
                    break;
                }
                WorkflowPass pass = startRuns(progress).plus(advanceDue(progress));
                total = total.plus(pass);
                if (pass.idle()) {
                    break; // what is left is leased by another engine
                }
            }
            return total;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts a run and acts on it at once, without waiting for a pass (a test run). The run is
     * written already claimed by this call, so no engine in any process takes it meanwhile; a
     * crash after that commit leaves it like any interrupted claim.
     */
    UUID startAndAct(Function<Tx, WorkflowRun> start) {
        String lease = loop.owner() + "#" + claims.incrementAndGet();
        UUID runId = tx.write(t -> {
            WorkflowRun run = start.apply(t);
            t.flush();
            Instant now = clock.instant();
            run.lease(lease, now.plus(policy.lease()));
            t.workflowRuns().currentSteps(List.of(run.getId())).forEach(step -> step.start(now));
            return run.getId();
        });
        act(new Claim(lease, List.of(runId)));
        return runId;
    }

    private WorkflowPass startRuns(Consumer<WorkflowProgress> progress) {
        long total = tx.read(t -> t.workflowRuns().pendingEvents());
        if (total == 0) {
            return WorkflowPass.NONE;
        }
        WorkflowPass pass = WorkflowPass.NONE;
        long done = 0;
        while (!loop.stopping()) {
            int batch = policy.batchSize();
            WorkflowPass p = startBatch(batch);
            if (p.events() == 0) {
                break;
            }
            pass = pass.plus(p);
            done += p.events();
            report(progress, new WorkflowProgress("starting", done, Math.max(total, done)));
            if (p.events() < batch) {
                break;
            }
        }
        return pass;
    }

    private WorkflowPass startBatch(int batch) {
        try {
            return tx.write(t -> {
                // Nothing read while runs start depends on what this batch writes, except the
                // failed-login check, which flushes first (see matches).
                t.flushOnlyAtCommit();
                List<TriggerEvent> events = t.triggers().pending(batch);
                Instant now = clock.instant();
                Map<TriggerType, List<Plan>> plans = new EnumMap<>(TriggerType.class);
                int runs = 0;
                for (TriggerEvent event : events) {
                    runs += startRunsFor(t, event, plans, now);
                    event.markProcessed(now);
                }
                return new WorkflowPass(events.size(), runs, 0, 0, 0, 0, 0);
            });
        } catch (RuntimeException e) {
            if (TransientFailure.is(e) || batch == 1) {
                throw e;
            }
            LOG.warn("turning a batch of trigger events into runs failed; trying them one by one", e);
            return startOneByOne(batch);
        }
    }

    /** After a failed batch: each event in its own transaction; one that fails alone is set aside (logged). */
    private WorkflowPass startOneByOne(int batch) {
        List<UUID> ids = tx.read(t -> t.triggers().pending(batch).stream().map(TriggerEvent::getId).toList());
        WorkflowPass pass = WorkflowPass.NONE;
        for (UUID id : ids) {
            try {
                pass = pass.plus(tx.write(t -> {
                    TriggerEvent event = t.find(TriggerEvent.class, id);
                    if (event == null || event.getProcessedAt() != null) {
                        return WorkflowPass.NONE;
                    }
                    Instant now = clock.instant();
                    int runs = startRunsFor(t, event, new EnumMap<>(TriggerType.class), now);
                    event.markProcessed(now);
                    return new WorkflowPass(1, runs, 0, 0, 0, 0, 0);
                }));
            } catch (RuntimeException e) {
                if (TransientFailure.is(e)) {
                    throw e;
                }
                LOG.error("trigger event {} cannot start its workflows; it is set aside", id, e);
                tx.write(t -> {
                    TriggerEvent event = t.find(TriggerEvent.class, id);
                    if (event != null) {
                        event.markProcessed(clock.instant());
                    }
                    return null;
                });
                pass = pass.plus(new WorkflowPass(1, 0, 0, 0, 0, 0, 0));
            }
        }
        return pass;
    }

    private int startRunsFor(Tx t, TriggerEvent event, Map<TriggerType, List<Plan>> plans, Instant now) {
        if (event.getType() == TriggerType.MANUAL) {
            TriggerLog.ManualRequest request = TriggerLog.ManualRequest.parse(event.getDetail());
            if (request == null) {
                return 0;
            }
            return t.workflows().byId(request.workflowId()).map(w -> {
                startRun(t, plan(w), event, request.mode(), now);
                return 1;
            }).orElse(0);
        }
        int started = 0;
        for (Plan plan : plans.computeIfAbsent(event.getType(), type -> enabledPlans(t, type))) {
            if (matches(t, plan, event)) {
                startRun(t, plan, event, WorkflowRun.Mode.TRIGGER, now);
                started++;
            }
        }
        return started;
    }

    private static List<Plan> enabledPlans(Tx t, TriggerType type) {
        List<Plan> plans = new ArrayList<>();
        for (Workflow w : t.workflows().enabled(type)) {
            try {
                plans.add(plan(w));
            } catch (RuntimeException e) {
                LOG.error("workflow '{}' cannot be read; it starts no runs until it is saved again", w.getName(), e);
            }
        }
        return plans;
    }

    private boolean matches(Tx t, Plan plan, TriggerEvent event) {
        TriggerSpec trigger = plan.definition().trigger();
        UUID contactId = event.getContact().getId();
        return switch (event.getType()) {
            case OFFER_ACCESS_GRANTED -> trigger.offers().isEmpty() || (event.getOffer() != null
                    && trigger.offers().stream().anyMatch(o -> Offer.key(o).equals(Offer.key(event.getOffer().getName()))));
            case TAG_ADDED -> Objects.equals(trigger.tag(), TriggerLog.tagOf(event.getDetail()))
                    && TriggerLog.viaOf(event.getDetail()).stream()
                    .noneMatch(name -> Workflow.key(name).equals(Workflow.key(plan.workflow().getName())));
            case REPEATED_FAILED_LOGINS -> {
                t.flush(); // a run this batch started for the same contact counts
                Instant to = event.getCreatedAt();
                Instant from = to.minus(Duration.ofMinutes(trigger.withinMinutes()));
                yield failedLogins.count(t, contactId, from, to) >= trigger.failures()
                        && !t.workflowRuns().startedSince(plan.workflow().getId(), contactId, WorkflowRun.Mode.TRIGGER,
                        from);
            }
            case MANUAL -> false;
        };
    }

    /**
     * Writes a run with all its steps pending, in the caller's transaction. A manual or test run of
     * an Offer Access Granted workflow stands in for the contact's latest active grant that the
     * trigger covers (its "triggering offer"), if there is one.
     */
    WorkflowRun startRun(Tx t, Workflow workflow, TriggerEvent event, WorkflowRun.Mode mode, Instant now) {
        return startRun(t, plan(workflow), event, mode, now);
    }

    private WorkflowRun startRun(Tx t, Plan plan, TriggerEvent event, WorkflowRun.Mode mode, Instant now) {
        Offer offer = event.getType() == TriggerType.OFFER_ACCESS_GRANTED
                ? event.getOffer()
                : standInOffer(t, plan.definition().trigger(), event.getContact(), now);
        WorkflowRun run = new WorkflowRun(plan.workflow(), event, event.getContact(), offer, mode,
                plan.steps().size(), now);
        t.persist(run);
        for (int i = 0; i < plan.steps().size(); i++) {
            StepPlan s = plan.steps().get(i);
            t.persist(new WorkflowStep(run, i, s.phase(), s.kind(), s.spec(), s.label()));
        }
        return run;
    }

    private static Offer standInOffer(Tx t, TriggerSpec trigger, Contact contact, Instant now) {
        if (trigger == null || trigger.kind() != TriggerKind.OFFER_ACCESS_GRANTED) {
            return null;
        }
        return t.grants().ofContact(contact.getId()).stream()
                .filter(g -> g.isActive(now))
                .map(OfferGrant::getOffer)
                .filter(o -> trigger.offers().isEmpty()
                        || trigger.offers().stream().anyMatch(name -> Offer.key(name).equals(Offer.key(o.getName()))))
                .findFirst()
                .orElse(null);
    }

    private static Plan plan(Workflow w) {
        WorkflowDefinition d = WorkflowJson.definition(w.getName(), w.isEnabled(), w.getDefinition());
        List<StepPlan> steps = new ArrayList<>();
        for (FilterSpec f : d.filters()) {
            steps.add(new StepPlan("filter", f.kind().code(), WorkflowJson.write(f), f.describe()));
        }
        for (ActionSpec a : d.actions()) {
            steps.add(new StepPlan("action", a.kind().code(), WorkflowJson.write(a), a.describe()));
        }
        return new Plan(w, d, steps);
    }

    // ---- advancing runs ----

    private WorkflowPass advanceDue(Consumer<WorkflowProgress> progress) {
        long total = tx.read(t -> t.workflowRuns().claimableCount(clock.instant()));
        if (total == 0) {
            return WorkflowPass.NONE;
        }
        WorkflowPass pass = WorkflowPass.NONE;
        long done = 0;
        while (!loop.stopping()) {
            int batch = policy.batchSize();
            Claim claim = claim();
            if (claim.runIds().isEmpty()) {
                break;
            }
            pass = pass.plus(act(claim));
            done += claim.runIds().size();
            report(progress, new WorkflowProgress("running", done, Math.max(total, done)));
            if (claim.runIds().size() < batch) {
                break;
            }
        }
        return pass;
    }

    /** Leases a batch of due runs and marks each one's current step running. */
    private Claim claim() {
        String lease = loop.owner() + "#" + claims.incrementAndGet();
        List<UUID> ids = tx.write(t -> {
            Instant now = clock.instant();
            List<WorkflowRun> runs = t.workflowRuns().claimable(now, policy.batchSize());
            if (runs.isEmpty()) {
                return List.<UUID>of();
            }
            Instant until = now.plus(policy.lease());
            runs.forEach(r -> r.lease(lease, until));
            List<UUID> claimed = runs.stream().map(WorkflowRun::getId).toList();
            for (WorkflowStep step : t.workflowRuns().currentSteps(claimed)) {
                step.start(now);
            }
            return claimed;
        });
        return new Claim(lease, ids);
    }

    private WorkflowPass act(Claim claim) {
        try {
            return tx.write(t -> actOn(t, claim));
        } catch (RuntimeException e) {
            if (TransientFailure.is(e)) {
                releaseQuietly(claim);
                throw e;
            }
            if (claim.runIds().size() == 1) {
                LOG.error("workflow run {} failed", claim.runIds().get(0), e);
                return fail(claim, e);
            }
            LOG.warn("a batch of {} workflow runs failed; running them one by one", claim.runIds().size(), e);
            WorkflowPass pass = WorkflowPass.NONE;
            for (UUID id : claim.runIds()) {
                pass = pass.plus(act(new Claim(claim.lease(), List.of(id))));
            }
            return pass;
        }
    }

    /**
     * Acts on each claimed run in turn, all in the caller's one transaction. The session flushes
     * only when a step needs it, not before every query (that made each query look through the
     * whole batch's entities): what a step reads (grants, emails, the portal account) is its own
     * contact's, so it is flushed first only when a step earlier in this transaction queued mail
     * for the same contact; the second welcome or reset link of a contact then sees the first.
     */
    private WorkflowPass actOn(Tx t, Claim claim) {
        t.flushOnlyAtCommit();
        Map<UUID, WorkflowRun> runs = new HashMap<>();
        for (WorkflowRun run : t.workflowRuns().loadForWork(claim.runIds())) {
            runs.put(run.getId(), run);
        }
        Map<UUID, List<WorkflowStep>> stepsByRun = new HashMap<>();
        for (WorkflowStep step : t.workflowRuns().steps(claim.runIds())) {
            stepsByRun.computeIfAbsent(step.getRun().getId(), k -> new ArrayList<>()).add(step);
        }
        Set<UUID> welcomed = new HashSet<>();
        for (WorkflowRun run : runs.values()) {
            if (run.leasedBy(claim.lease()) && stepsByRun.getOrDefault(run.getId(), List.of()).stream()
                    .anyMatch(s -> ActionKind.SEND_WELCOME.code().equals(s.getKind()))) {
                welcomed.add(run.getContact().getId());
            }
        }
        WelcomeLookups lookups = WelcomeLookups.read(t, welcomed);
        Set<UUID> unflushed = new HashSet<>();
        WorkflowPass pass = WorkflowPass.NONE;
        for (UUID id : claim.runIds()) {
            WorkflowRun run = runs.get(id);
            if (run == null || !run.leasedBy(claim.lease())) {
                continue; // the lease ran out and another engine took the run
            }
            pass = pass.plus(advance(t, run, stepsByRun.getOrDefault(id, List.of()), unflushed, lookups));
            run.release();
        }
        return pass;
    }

    /** Steps that read the contact's emails or portal account, and steps that write them. */
    private static final Set<String> READS = Set.of(FilterKind.NEVER_LOGGED_IN.code(),
            FilterKind.NO_RECENT_WELCOME.code(), ActionKind.SEND_WELCOME.code(), ActionKind.SEND_RESET_LINK.code());
    private static final Set<String> WRITES = Set.of(ActionKind.SEND_WELCOME.code(),
            ActionKind.SEND_RESET_LINK.code());

    /** Runs the run's steps from its current one until a Wait, its end, a stop or a failure. */
    private WorkflowPass advance(Tx t, WorkflowRun run, List<WorkflowStep> runSteps, Set<UUID> unflushed,
                                 WelcomeLookups lookups) {
        WorkflowSteps.RunContext ctx = new WorkflowSteps.RunContext(run, Actor.workflow(run.getWorkflow().getName()),
                run.getMode() == WorkflowRun.Mode.TEST, lookups);
        int stepsRun = 0;
        while (!run.getStatus().finished()) {
            Instant now = clock.instant();
            int i = run.getNextStep();
            if (i >= runSteps.size()) {
                run.finish(WorkflowRun.Status.DONE, now);
                break;
            }
            WorkflowStep step = runSteps.get(i);
            boolean resumedWait = run.getStatus() == WorkflowRun.Status.WAITING;
            if (step.getStatus() != WorkflowStep.Status.RUNNING) {
                step.start(now);
            }
            if (step.getAttempts() > policy.maxAttempts()) {
                step.end(WorkflowStep.Status.FAILED, "gave up: " + step.getAttempts()
                        + " attempts were interrupted before they finished", now);
                skipRest(runSteps, i + 1, "not run: step " + (i + 1) + " failed", now);
                run.finish(WorkflowRun.Status.FAILED, now);
                audit.record(t, ctx.actor(), "workflow.run-failed", run.getContact(), step.getLabel()
                        + ": gave up after interrupted attempts", AuditEvent.Outcome.FAILED);
                break;
            }
            UUID contactId = run.getContact().getId();
            if (READS.contains(step.getKind()) && unflushed.contains(contactId)) {
                t.flush();
                unflushed.clear();
            }
            WorkflowSteps.Result result = steps.run(t, ctx, step, resumedWait);
            stepsRun++;
            if (WRITES.contains(step.getKind())) {
                unflushed.add(contactId);
                lookups.written(contactId);
            }
            String text = step.getAttempts() > 1
                    ? result.text() + " (attempt " + step.getAttempts() + ": an earlier one was interrupted)"
                    : result.text();
            switch (result.kind()) {
                case DONE -> {
                    step.end(WorkflowStep.Status.DONE, text, now);
                    run.advance(now);
                }
                case SKIPPED -> {
                    step.end(WorkflowStep.Status.SKIPPED, text, now);
                    run.advance(now);
                }
                case WAIT -> {
                    step.end(WorkflowStep.Status.WAITING, text, now);
                    run.waitUntil(result.until());
                    return new WorkflowPass(0, 0, stepsRun, 0, 0, 0, 1);
                }
                case STOP -> {
                    step.end(WorkflowStep.Status.DONE, text, now);
                    skipRest(runSteps, i + 1, "not run: '" + step.getLabel() + "' did not match", now);
                    run.finish(WorkflowRun.Status.STOPPED, now);
                }
                case FAIL -> {
                    step.end(WorkflowStep.Status.FAILED, text, now);
                    skipRest(runSteps, i + 1, "not run: step " + (i + 1) + " failed", now);
                    run.finish(WorkflowRun.Status.FAILED, now);
                }
            }
        }
        return switch (run.getStatus()) {
            case DONE -> new WorkflowPass(0, 0, stepsRun, 1, 0, 0, 0);
            case STOPPED -> new WorkflowPass(0, 0, stepsRun, 0, 1, 0, 0);
            case FAILED -> new WorkflowPass(0, 0, stepsRun, 0, 0, 1, 0);
            default -> new WorkflowPass(0, 0, stepsRun, 0, 0, 0, 1);
        };
    }

    private static void skipRest(List<WorkflowStep> runSteps, int from, String why, Instant now) {
        for (int j = from; j < runSteps.size(); j++) {
            runSteps.get(j).end(WorkflowStep.Status.SKIPPED, why, now);
        }
    }

    /** A run that failed on its own with something unexpected: its step fails with the error. */
    private WorkflowPass fail(Claim claim, RuntimeException cause) {
        UUID id = claim.runIds().get(0);
        String why = "unexpected error: " + describe(cause);
        return tx.write(t -> {
            WorkflowRun run = t.workflowRuns().byId(id).orElse(null);
            if (run == null || !run.leasedBy(claim.lease())) {
                return WorkflowPass.NONE;
            }
            Instant now = clock.instant();
            List<WorkflowStep> runSteps = t.workflowRuns().steps(List.of(id));
            int i = run.getNextStep();
            if (i < runSteps.size()) {
                runSteps.get(i).end(WorkflowStep.Status.FAILED, why, now);
                skipRest(runSteps, i + 1, "not run: step " + (i + 1) + " failed", now);
            }
            run.finish(WorkflowRun.Status.FAILED, now);
            run.release();
            audit.record(t, Actor.workflow(run.getWorkflow().getName()), "workflow.run-failed", run.getContact(),
                    why, AuditEvent.Outcome.FAILED);
            return new WorkflowPass(0, 0, 1, 0, 0, 1, 0);
        });
    }

    private void releaseQuietly(Claim claim) {
        try {
            tx.write(t -> {
                for (UUID id : claim.runIds()) {
                    t.workflowRuns().byId(id).filter(r -> r.leasedBy(claim.lease())).ifPresent(WorkflowRun::release);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("could not release workflow leases; they run out by themselves", e);
        }
    }

    private void report(Consumer<WorkflowProgress> progress, WorkflowProgress p) {
        if (progress != null) {
            progress.accept(p);
        }
        for (Consumer<WorkflowProgress> listener : listeners) {
            try {
                listener.accept(p);
            } catch (RuntimeException e) {
                LOG.warn("a workflow progress listener failed", e);
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
