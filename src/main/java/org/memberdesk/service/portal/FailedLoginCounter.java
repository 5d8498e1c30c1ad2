package org.memberdesk.service.portal;

import java.time.Instant;
import java.util.UUID;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.JoinsTransaction;

/**
 * How many failed Client Portal logins a contact had in a window (from, to]: what the trigger
 * "Repeated Failed Logins" (N failures in M minutes) compares with N.
 *
 * <p>Each failed login is recorded by the portal with, in the same transaction, a
 * {@code REPEATED_FAILED_LOGINS} trigger event for the contact: the event wakes the engine and
 * names the moment; this counter says whether the threshold is reached. Until the portal's
 * {@code login_failure} table is on this branch, {@link #FROM_EVENTS} counts those events (one
 * per failed login); afterwards {@code Services} wires a counter over {@code login_failure}.
 */
@FunctionalInterface
public interface FailedLoginCounter {

    @JoinsTransaction
    long count(Tx t, UUID contactId, Instant fromExclusive, Instant toInclusive);

    FailedLoginCounter FROM_EVENTS = (t, contactId, from, to) ->
            t.workflowRuns().countEvents(contactId, TriggerType.REPEATED_FAILED_LOGINS, from, to);
}
