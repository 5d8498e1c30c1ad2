package org.memberdesk.ui.viewmodel.mail;

import java.util.function.Supplier;

/** Where the mail windows live: one Inbox (demo), one Outbox problems and one Email settings dialog at a time. */
public interface MailWindows {

    /** Shows Inbox (demo), creating its view model with {@code model} only when it is not open. */
    void showDemoInbox(Supplier<DemoInboxViewModel> model);

    /** Shows the Email (SMTP) settings dialog, creating its view model only when it is not open. */
    void showSmtpSettings(Supplier<SmtpSettingsViewModel> model);

    /** Shows Outbox problems, creating its view model only when it is not open. */
    void showOutboxProblems(Supplier<OutboxProblemsViewModel> model);

    /** Shows Settings → Emails (the template editor), creating its view model only when it is not open. */
    void showEmailTemplates(Supplier<EmailTemplatesViewModel> model);

    /** Shows Settings → Branding, creating its view model only when it is not open. */
    void showBranding(Supplier<BrandingViewModel> model);

    /** Shows Settings → Portal sign-in, creating its view model only when it is not open. */
    void showSignInSettings(Supplier<SignInSettingsViewModel> model);

    /** Shows Send login email… for many contacts (a new window each time: each is its own audience). */
    void showLoginEmails(Supplier<LoginEmailsViewModel> model);

    /** Reads the open Outbox problems again (see {@link OutboxProblemsViewModel#refresh()}); none open: nothing. */
    void refreshOutboxProblems();

    /** Reads the open Inbox (demo) again (see {@link DemoInboxViewModel#refresh()}); none open: nothing. */
    void refreshInbox();

    /** Closes both windows (the session that opened them closes). */
    void closeAll();
}
