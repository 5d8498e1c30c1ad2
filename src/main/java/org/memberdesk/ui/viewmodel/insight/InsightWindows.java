package org.memberdesk.ui.viewmodel.insight;

import java.util.UUID;
import java.util.function.Supplier;

/** Where the Diagnose, Activity and Import windows live: showing an open one brings it to the front. */
public interface InsightWindows {

    /** One Diagnose window per contact; its view model is made with {@code model} only when none is open. */
    void showDiagnose(UUID contactId, Supplier<DiagnoseViewModel> model);

    /** One Activity window. */
    void showActivity(Supplier<ActivityViewModel> model);

    /** One Import contacts window. */
    void showImport(Supplier<ImportViewModel> model);

    /** Reads the open Activity window again (see {@link ActivityViewModel#refresh()}); none open: nothing. */
    void refreshActivity();

    /**
     * Something about this contact changed: an open Diagnose result about them is marked out of date
     * (see {@link DiagnoseViewModel#markOutOfDate(UUID)}) rather than changed in front of the agent.
     */
    void diagnosisOutOfDate(UUID contactId);

    /**
     * Something that names no one contact changed (an offer, a group, the settings, everything): every
     * open Diagnose result is checked (see {@link DiagnoseViewModel#mayBeOutOfDate()}).
     */
    void diagnosisMayBeOutOfDate();

    /** Closes every Diagnose window, Activity and Import (the session that opened them closes). */
    void closeAll();
}
