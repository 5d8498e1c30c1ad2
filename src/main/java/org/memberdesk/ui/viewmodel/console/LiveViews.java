package org.memberdesk.ui.viewmodel.console;

import java.util.UUID;
import org.memberdesk.service.live.ChangeKind;
import org.memberdesk.service.live.Changes;

/**
 * Routes what the change feed reports to the open views it concerns: a contact's window when
 * anything of hers changed, the contact list when contacts did, Activity on audit entries, the
 * demo Inbox, Outbox problems and the status bar's counters on emails, the workflows' run log on runs. An open
 * Diagnose result is only marked out of date: on changes of its contact, and on changes that name no
 * one contact (offers, groups, settings, everything at once). Every view reads itself again in the background and
 * keeps what the agent selected. UI thread only.
 */
final class LiveViews {

    private final ConsoleTools windows;
    private final Runnable contactList;
    private final Runnable counters;

    /**
     * @param contactList reads the contact list and the contact count again
     * @param counters    reads the status bar's mail mode and outbox counts again
     */
    LiveViews(ConsoleTools windows, Runnable contactList, Runnable counters) {
        this.windows = windows;
        this.contactList = contactList;
        this.counters = counters;
    }

    private static boolean groupChanged(Changes changes) {
        return changes.changes().stream()
                .anyMatch(change -> change.kind() == ChangeKind.COMMUNITY && change.contactId() == null);
    }

    void show(Changes changes) {
        if (changes.everything()) {
            contactList.run();
            counters.run();
            windows.contacts().refreshAll();
            windows.insight().refreshActivity();
            windows.mail().refreshInbox();
            windows.mail().refreshOutboxProblems();
            windows.workflows().refreshRuns();
            windows.insight().diagnosisMayBeOutOfDate();
            return;
        }
        if (changes.any(ChangeKind.CONTACT)) {
            contactList.run();
        }
        // an offer or a group renamed or removed shows in the windows of everyone who has it
        if (changes.manyContactsShown() || changes.any(ChangeKind.OFFER) || groupChanged(changes)) {
            windows.contacts().refreshAll();
        }
        // what names no one contact may still alter any open diagnosis (an offer's login URL, the SMTP server)
        if (changes.any(ChangeKind.OFFER, ChangeKind.SETTINGS) || groupChanged(changes)
                || changes.manyContactsShown()) {
            windows.insight().diagnosisMayBeOutOfDate();
        }
        for (UUID contact : changes.contactsShown()) {
            windows.contacts().refresh(contact);
            windows.insight().diagnosisOutOfDate(contact);
        }
        if (changes.any(ChangeKind.AUDIT)) {
            windows.insight().refreshActivity();
        }
        if (changes.any(ChangeKind.EMAIL)) {
            windows.mail().refreshInbox();
            windows.mail().refreshOutboxProblems();
        }
        if (changes.any(ChangeKind.EMAIL, ChangeKind.SETTINGS)) {
            counters.run();
        }
        if (changes.any(ChangeKind.WORKFLOW_RUN, ChangeKind.WORKFLOW)) {
            windows.workflows().refreshRuns();
        }
    }
}
