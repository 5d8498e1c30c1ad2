package org.memberdesk.service.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.memberdesk.domain.AuditEvent;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.ContactNote;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.domain.WorkflowRun;
import org.memberdesk.domain.WorkflowStep;
import org.memberdesk.mail.LinkTtl;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.workflow.ActionKind;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.Durations;
import org.memberdesk.service.workflow.FilterSpec;
import org.memberdesk.service.workflow.WorkflowJson;

/**
 * What each filter checks and each action does, in the engine's transaction: the action's effect
 * (a queued email, a tag, a note, its audit entry) is written in the same transaction that marks
 * the step done. Emails go through {@link CredentialService}, the same path as an agent's.
 */
public final class WorkflowSteps {

    enum Kind {
        /** Passed (a filter) or did its work (an action): the next step follows. */
        DONE,
        /** Nothing to do (e.g. no active offer to welcome, a Wait in a test run): the next step follows. */
        SKIPPED,
        /** A Wait: the run rests until {@code until}. */
        WAIT,
        /** A filter did not match: the run stops, its actions do not run. */
        STOP,
        /** An action could not be done (refused, no such offer, offer not active): the run fails. */
        FAIL
    }

    record Result(Kind kind, String text, Instant until) {
        static Result done(String text) {
            return new Result(Kind.DONE, text, null);
        }

        static Result skipped(String text) {
            return new Result(Kind.SKIPPED, text, null);
        }

        static Result stop(String text) {
            return new Result(Kind.STOP, text, null);
        }

        static Result fail(String text) {
            return new Result(Kind.FAIL, text, null);
        }

        static Result waitUntil(Instant until, String text) {
            return new Result(Kind.WAIT, text, until);
        }
    }

    /** The run a step belongs to, who acts (the workflow by name), and what its batch read ahead. */
    record RunContext(WorkflowRun run, Actor actor, boolean test, WelcomeLookups lookups) {
        Contact contact() {
            return run.getContact();
        }
    }

    private final AuditLog audit;
    private final CredentialService credentials;
    private final TriggerLog triggers;
    private final Clock clock;
    private final Map<String, Object> specs = new ConcurrentHashMap<>();

  public   WorkflowSteps(AuditLog audit, CredentialService credentials, TriggerLog triggers, Clock clock) {
        this.audit = audit;
        this.credentials = credentials;
        this.triggers = triggers;
        this.clock = clock;
    }

    /**
     * Runs one step. A refusal the user can act on (a {@link UserError}) becomes a failed step with
     * its message; anything else is unexpected and propagates (the engine retries the run alone and
     * fails it with the error).
     */
    Result run(Tx t, RunContext ctx, WorkflowStep step, boolean resumedWait) {
        Instant now = clock.instant();
        if ("filter".equals(step.getPhase())) {
            try {
                return filter(t, ctx, spec(step.getSpec(), FilterSpec.class), now);
            } catch (UserError | InvalidInputException e) {
                return Result.fail(e.getMessage());
            }
        }
        ActionSpec action = spec(step.getSpec(), ActionSpec.class);
        try {
            return action(t, ctx, action, resumedWait, now);
        } catch (UserError | InvalidInputException e) {
            audit.record(t, ctx.actor(), auditAction(action.kind()), ctx.contact(), e.getMessage(),
                    AuditEvent.Outcome.FAILED);
            return Result.fail(e.getMessage());
        }
    }

    /**
     * A step's settings, parsed once per distinct JSON: every run of a workflow copies the same few
     * texts, and a bulk of 10,000 runs parsed the same one 10,000 times. The specs are immutable records.
     */
    private <T> T spec(String json, Class<T> type) {
        Object known = specs.get(json);
        if (type.isInstance(known)) {
            return type.cast(known);
        }
        T parsed = WorkflowJson.read(json, type);
        if (specs.size() >= 1000) {
            specs.clear();
        }
        specs.put(json, parsed);
        return parsed;
    }

    // ---- filters ----

    private Result filter(Tx t, RunContext ctx, FilterSpec f, Instant now) {
        Contact c = ctx.contact();
        return switch (f.kind()) {
            case OFFER_IS -> {
                Offer offer = ctx.run().getOffer();
                if (offer == null) {
                    yield Result.stop("no triggering offer, so not " + f.offer());
                }
                yield Offer.key(offer.getName()).equals(Offer.key(f.offer()))
                        ? Result.done("the triggering offer is " + offer.getName())
                        : Result.stop("the triggering offer is " + offer.getName() + ", not " + f.offer());
            }
            case HAS_TAG -> c.getTags().contains(f.tag())
                    ? Result.done(c.getEmail() + " has tag " + f.tag())
                    : Result.stop(c.getEmail() + " does not have tag " + f.tag());
            case LACKS_TAG -> c.getTags().contains(f.tag())
                    ? Result.stop(c.getEmail() + " has tag " + f.tag())
                    : Result.done(c.getEmail() + " does not have tag " + f.tag());
            case NEVER_LOGGED_IN -> {
                Instant last = t.portalAccounts().ofContact(c.getId())
                        .map(a -> a.getCredential().getLastLoginAt()).orElse(null);
                yield last == null
                        ? Result.done(c.getEmail() + " never logged in to the Client Portal")
                        : Result.stop(c.getEmail() + " last logged in to the Client Portal at " + last);
            }
            case NO_RECENT_WELCOME -> {
                Offer offer = f.offer() == null ? ctx.run().getOffer() : requireOffer(t, f.offer());
                if (offer == null) {
                    yield Result.fail("no triggering offer to look for a welcome email of");
                }
                String window = "in the last " + Durations.describe(Duration.ofHours(f.hours()));
                long recent = t.workflowRuns().welcomesSince(c.getId(), offer.getId(), now.minus(Duration.ofHours(f.hours())));
                yield recent == 0
                        ? Result.done("no welcome email for " + offer.getName() + " " + window)
                        : Result.stop("a welcome email for " + offer.getName() + " was already sent or queued " + window);
            }
        };
    }

    // ---- actions ----

    private Result action(Tx t, RunContext ctx, ActionSpec a, boolean resumedWait, Instant now) {
        Contact c = ctx.contact();
        Actor actor = ctx.actor();
        return switch (a.kind()) {
            case SEND_WELCOME -> sendWelcome(t, ctx, a, now);
            case SEND_RESET_LINK -> sendResetLink(t, ctx, a);
            case ADD_TAG -> {
                List<String> via = new ArrayList<>();
                if (ctx.run().getEvent().getType() == TriggerType.TAG_ADDED) {
                    via.addAll(TriggerLog.viaOf(ctx.run().getEvent().getDetail()));
                }
                via.add(ctx.run().getWorkflow().getName());
                if (!ContactService.addTag(t, triggers, c, a.tag(), via, now)) {
                    yield Result.done(c.getEmail() + " already had tag " + a.tag());
                }
                audit.record(t, actor, "contact.tag-added", c, a.tag());
                yield Result.done("added tag " + a.tag());
            }
            case REMOVE_TAG -> {
                if (!c.removeTag(a.tag())) {
                    yield Result.done(c.getEmail() + " did not have tag " + a.tag());
                }
                c.touch(now);
                audit.record(t, actor, "contact.tag-removed", c, a.tag());
                yield Result.done("removed tag " + a.tag());
            }
            case ADD_NOTE -> {
                t.persist(new ContactNote(c, a.note(), actor.label(), now));
                audit.record(t, actor, "contact.note-added", c, cut(a.note(), 500));
                yield Result.done("added a note");
            }
            case WAIT -> {
                String length = Durations.describe(a.duration());
                if (ctx.test()) {
                    yield Result.skipped("skipped in a test run (would wait " + length + ")");
                }
                if (resumedWait) {
                    yield Result.done("waited " + length + ", until " + ctx.run().getNextAt());
                }
                Instant until = now.plus(a.duration());
                yield Result.waitUntil(until, "waiting " + length + ", until " + until);
            }
        };
    }

    private Result sendWelcome(Tx t, RunContext ctx, ActionSpec a, Instant now) {
        Contact c = ctx.contact();
        return switch (a.welcomeFor()) {
            case TRIGGERING_OFFER -> {
                Offer offer = ctx.run().getOffer();
                if (offer == null) {
                    throw new UserError("no triggering offer: " + c.getEmail()
                            + " has no active offer that this workflow's trigger covers; no welcome email sent");
                }
                yield welcome(t, ctx, offer, now);
            }
            case CHOSEN_OFFER -> welcome(t, ctx, requireOffer(t, a.offer()), now);
            case EVERY_ACTIVE_OFFER -> {
                List<Offer> active = t.grants().ofContact(c.getId()).stream()
                        .filter(g -> g.isActive(now))
                        .map(OfferGrant::getOffer)
                        .sorted(Comparator.comparing(o -> Offer.key(o.getName())))
                        .toList();
                if (active.isEmpty()) {
                    yield Result.skipped(c.getEmail() + " has no active offer: no welcome email sent");
                }
                for (Offer offer : active) {
                    queueWelcome(t, ctx, offer);
                }
                yield Result.done("queued the welcome email for " + String.join(", ",
                        active.stream().map(Offer::getName).toList()));
            }
        };
    }

    private Result welcome(Tx t, RunContext ctx, Offer offer, Instant now) {
        Contact c = ctx.contact();
        Optional<OfferGrant> grant = ctx.lookups().grant(t, c.getId(), offer.getId());
        if (grant.isEmpty()) {
            throw new UserError(c.getEmail() + " does not have " + offer.getName() + ": no welcome email sent");
        }
        if (!grant.get().isActive(now)) {
            throw new UserError(offer.getName() + " is " + grant.get().status(now).code() + " for " + c.getEmail()
                    + ": no welcome email sent");
        }
        queueWelcome(t, ctx, offer);
        return Result.done("queued the welcome email for " + offer.getName());
    }

    private void queueWelcome(Tx t, RunContext ctx, Offer offer) {
        ctx.lookups().queueWelcome(t, credentials, ctx.contact(), offer, ctx.actor());
        audit.record(t, ctx.actor(), "credentials.welcome-sent", ctx.contact(), offer.getName());
    }

    private Result sendResetLink(Tx t, RunContext ctx, ActionSpec a) {
        Duration ttl = a.linkHours() == null ? null : Duration.ofHours(a.linkHours());
        try {
            credentials.queueMembershipReset(t, ctx.contact(), ttl, ctx.actor());
        } catch (CredentialService.RateLimited refused) {
            audit.record(t, ctx.actor(), "credentials.reset-link-sent", ctx.contact(), refused.getMessage(),
                    AuditEvent.Outcome.REFUSED);
            return Result.fail("refused: " + refused.getMessage());
        }
        String valid = LinkTtl.describe(ttl != null ? ttl : LinkTtl.agentReset(t));
        audit.record(t, ctx.actor(), "credentials.reset-link-sent", ctx.contact(),
                "membership (Client Portal), link valid " + valid);
        return Result.done("queued a reset link for the Client Portal, valid " + valid);
    }

    private static Offer requireOffer(Tx t, String name) {
        return t.offers().byName(name).orElseThrow(() -> new UserError("no offer named '" + name + "'"));
    }

    static String auditAction(ActionKind kind) {
        return switch (kind) {
            case SEND_WELCOME -> "credentials.welcome-sent";
            case SEND_RESET_LINK -> "credentials.reset-link-sent";
            case ADD_TAG -> "contact.tag-added";
            case REMOVE_TAG -> "contact.tag-removed";
            case ADD_NOTE -> "contact.note-added";
            case WAIT -> "workflow.wait";
        };
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
