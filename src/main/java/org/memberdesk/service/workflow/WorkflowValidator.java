package org.memberdesk.service.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.Workflow;

/**
 * Says exactly what is wrong with a workflow form, one sentence per problem, naming the part:
 * "trigger Tag Added needs a tag", "filter 1: Has Tag needs a tag", "step 2: Wait needs a
 * duration between 1 minute and 30 days". What needs the database (offers that exist, a name
 * nobody else uses) is checked by the workflow service on top of this.
 */
public final class WorkflowValidator {

    public static final Duration MIN_WAIT = Duration.ofMinutes(1);
    public static final Duration MAX_WAIT = Duration.ofDays(30);
    public static final int MIN_FAILURES = 2;
    public static final int MAX_FAILURES = 100;
    public static final int MAX_WINDOW_MINUTES = 24 * 60;
    public static final int MAX_RECENT_HOURS = 365 * 24;
    public static final int MIN_LINK_HOURS = 1;
    public static final int MAX_LINK_HOURS = 72;
    public static final int MAX_NOTE = 4000;
    public static final int MAX_FILTERS = 20;
    public static final int MAX_ACTIONS = 30;

    private WorkflowValidator() {
    }

    /** Repeated Failed Logins: a number of failures from {@link #MIN_FAILURES} to {@link #MAX_FAILURES}. */
    public static boolean failuresAllowed(Integer failures) {
        return failures != null && failures >= MIN_FAILURES && failures <= MAX_FAILURES;
    }

    /** Repeated Failed Logins: a time window from 1 minute to {@link #MAX_WINDOW_MINUTES}. */
    public static boolean windowAllowed(Integer minutes) {
        return minutes != null && minutes >= 1 && minutes <= MAX_WINDOW_MINUTES;
    }

    public static List<String> problems(WorkflowDefinition d) {
        List<String> problems = new ArrayList<>();
        if (d == null) {
            return List.of("a workflow is required");
        }
        nameProblem(d.name()).ifPresent(problems::add);
        TriggerSpec trigger = d.trigger();
        if (trigger == null || trigger.kind() == null) {
            problems.add("a trigger is required");
        } else {
            trigger(trigger, problems);
        }
        TriggerKind kind = trigger == null ? null : trigger.kind();
        if (d.filters().size() > MAX_FILTERS) {
            problems.add("a workflow may have at most " + MAX_FILTERS + " filters");
        }
        for (int i = 0; i < d.filters().size(); i++) {
            filter("filter " + (i + 1) + ": ", d.filters().get(i), kind, problems);
        }
        if (d.actions().isEmpty()) {
            problems.add("a workflow needs at least one action");
        } else if (d.actions().size() > MAX_ACTIONS) {
            problems.add("a workflow may have at most " + MAX_ACTIONS + " steps");
        }
        for (int i = 0; i < d.actions().size(); i++) {
            action("step " + (i + 1) + ": ", d.actions().get(i), kind, i == d.actions().size() - 1, problems);
        }
        return problems;
    }

    /** What is wrong with a workflow's name on its own (required, too long, not one line); the service adds "already exists". */
    public static Optional<String> nameProblem(String typed) {
        String name = typed == null ? "" : typed.trim();
        if (name.isEmpty()) {
            return Optional.of("name is required");
        } else if (name.length() > Workflow.MAX_NAME) {
            return Optional.of("name is longer than " + Workflow.MAX_NAME + " characters");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("name must be one line");
        }
        return Optional.empty();
    }

    /** The form as it is stored: trimmed name, lower-case tags, only the options of each kind. Valid forms only. */
    public static WorkflowDefinition normalize(WorkflowDefinition d) {
        TriggerSpec t = d.trigger().normalized();
        if (t.tag() != null) {
            t = new TriggerSpec(t.kind(), t.offers(), Contact.normalizeTag(t.tag()), t.failures(), t.withinMinutes());
        }
        List<FilterSpec> filters = d.filters().stream().map(FilterSpec::normalized)
                .map(f -> f.tag() == null ? f : new FilterSpec(f.kind(), f.offer(), Contact.normalizeTag(f.tag()),
                        f.hours()))
                .toList();
        List<ActionSpec> actions = d.actions().stream().map(ActionSpec::normalized)
                .map(a -> a.tag() == null ? a : new ActionSpec(a.kind(), a.welcomeFor(), a.offer(),
                        Contact.normalizeTag(a.tag()), a.note(), a.duration(), a.linkHours()))
                .toList();
        return new WorkflowDefinition(d.name().trim(), d.enabled(), t, filters, actions);
    }

    private static void trigger(TriggerSpec t, List<String> problems) {
        String prefix = "trigger " + t.kind().label();
        switch (t.kind()) {
            case TAG_ADDED -> tag(prefix + " needs a tag", prefix + ": ", t.tag(), problems);
            case REPEATED_FAILED_LOGINS -> {
                if (!failuresAllowed(t.failures())) {
                    problems.add(prefix + " needs a number of failures between " + MIN_FAILURES + " and "
                            + MAX_FAILURES);
                }
                if (!windowAllowed(t.withinMinutes())) {
                    problems.add(prefix + " needs a time window between 1 minute and 24 hours");
                }
            }
            case OFFER_ACCESS_GRANTED, MANUAL -> {
                // Offer names are checked against the database by the service.
            }
        }
    }

    private static void filter(String prefix, FilterSpec f, TriggerKind trigger, List<String> problems) {
        if (f.kind() == null) {
            problems.add(prefix + "choose what the filter checks");
            return;
        }
        String label = f.kind().label();
        switch (f.kind()) {
            case OFFER_IS -> {
                if (FilterSpec.blank(f.offer())) {
                    problems.add(prefix + label + " needs an offer");
                }
                if (trigger != TriggerKind.OFFER_ACCESS_GRANTED) {
                    problems.add(prefix + label + " needs the trigger Offer Access Granted");
                }
            }
            case HAS_TAG, LACKS_TAG -> tag(prefix + label + " needs a tag", prefix + label + ": ", f.tag(), problems);
            case NEVER_LOGGED_IN -> {
                // nothing to set
            }
            case NO_RECENT_WELCOME -> {
                if (f.hours() == null || f.hours() < 1 || f.hours() > MAX_RECENT_HOURS) {
                    problems.add(prefix + label + " needs a number of hours between 1 and " + MAX_RECENT_HOURS);
                }
                if (FilterSpec.blank(f.offer()) && trigger != TriggerKind.OFFER_ACCESS_GRANTED) {
                    problems.add(prefix + label + " needs an offer (there is no triggering offer without the "
                            + "trigger Offer Access Granted)");
                }
            }
        }
    }

    private static void action(String prefix, ActionSpec a, TriggerKind trigger, boolean last, List<String> problems) {
        if (a.kind() == null) {
            problems.add(prefix + "choose an action");
            return;
        }
        String label = a.kind().label();
        switch (a.kind()) {
            case SEND_WELCOME -> {
                if (a.welcomeFor() == null) {
                    problems.add(prefix + label + " needs to know which offer: the triggering offer, a chosen offer "
                            + "or every active offer");
                } else if (a.welcomeFor() == WelcomeFor.CHOSEN_OFFER && FilterSpec.blank(a.offer())) {
                    problems.add(prefix + label + " needs an offer");
                } else if (a.welcomeFor() == WelcomeFor.TRIGGERING_OFFER && trigger != TriggerKind.OFFER_ACCESS_GRANTED) {
                    problems.add(prefix + label + " for the triggering offer needs the trigger Offer Access Granted; "
                            + "choose an offer or every active offer");
                }
            }
            case SEND_RESET_LINK -> {
                if (a.linkHours() != null && (a.linkHours() < MIN_LINK_HOURS || a.linkHours() > MAX_LINK_HOURS)) {
                    problems.add(prefix + label + " needs a link lifetime between " + MIN_LINK_HOURS + " and "
                            + MAX_LINK_HOURS + " hours");
                }
            }
            case ADD_TAG, REMOVE_TAG -> tag(prefix + label + " needs a tag", prefix + label + ": ", a.tag(), problems);
            case ADD_NOTE -> {
                if (a.note() == null || a.note().isBlank()) {
                    problems.add(prefix + label + " needs the note's text");
                } else if (a.note().strip().length() > MAX_NOTE) {
                    problems.add(prefix + label + ": the note is longer than " + MAX_NOTE + " characters");
                }
            }
            case WAIT -> {
                Duration d = a.duration();
                if (d == null || d.compareTo(MIN_WAIT) < 0 || d.compareTo(MAX_WAIT) > 0) {
                    problems.add(prefix + label + " needs a duration between 1 minute and 30 days");
                } else if (last) {
                    problems.add(prefix + label + " cannot be the last step: nothing would follow it");
                }
            }
        }
    }

    private static void tag(String missing, String prefix, String tag, List<String> problems) {
        if (tag == null || tag.isBlank()) {
            problems.add(missing);
            return;
        }
        try {
            Contact.normalizeTag(tag);
        } catch (InvalidInputException e) {
            problems.add(prefix + e.getMessage());
        }
    }
}
