package org.memberdesk.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.memberdesk.ui.viewmodel.mail.BrandingViewModel;
import org.memberdesk.ui.viewmodel.mail.LoginEmailsViewModel;
import org.memberdesk.ui.viewmodel.mail.DemoInboxViewModel;
import org.memberdesk.ui.viewmodel.mail.EmailTemplatesViewModel;
import org.memberdesk.ui.viewmodel.mail.MailWindows;
import org.memberdesk.ui.viewmodel.mail.OutboxProblemsViewModel;
import org.memberdesk.ui.viewmodel.mail.SignInSettingsViewModel;
import org.memberdesk.ui.viewmodel.mail.SmtpSettingsViewModel;

/** Keeps the view models of the mail windows the console asked to show, without showing any. */
public final class RecordingMailWindows implements MailWindows {

    /** How often the windows were all closed. */
    public int closedAll;

    public final List<DemoInboxViewModel> inboxes = new ArrayList<>();
    public final List<SmtpSettingsViewModel> settings = new ArrayList<>();
    public final List<OutboxProblemsViewModel> outboxProblems = new ArrayList<>();
    public final List<EmailTemplatesViewModel> emailTemplates = new ArrayList<>();
    public final List<BrandingViewModel> branding = new ArrayList<>();
    public final List<SignInSettingsViewModel> signInSettings = new ArrayList<>();
    public final List<LoginEmailsViewModel> loginEmails = new ArrayList<>();

    @Override
    public void showSignInSettings(Supplier<SignInSettingsViewModel> model) {
        signInSettings.add(model.get());
    }

    @Override
    public void showLoginEmails(Supplier<LoginEmailsViewModel> model) {
        loginEmails.add(model.get());
    }

    @Override
    public void showDemoInbox(Supplier<DemoInboxViewModel> model) {
        inboxes.add(model.get());
    }

    @Override
    public void showSmtpSettings(Supplier<SmtpSettingsViewModel> model) {
        settings.add(model.get());
    }

    @Override
    public void showOutboxProblems(Supplier<OutboxProblemsViewModel> model) {
        outboxProblems.add(model.get());
    }

    @Override
    public void showEmailTemplates(Supplier<EmailTemplatesViewModel> model) {
        emailTemplates.add(model.get());
    }

    @Override
    public void showBranding(Supplier<BrandingViewModel> model) {
        branding.add(model.get());
    }

    @Override
    public void refreshOutboxProblems() {
        outboxProblems.forEach(OutboxProblemsViewModel::refresh);
    }

    @Override
    public void refreshInbox() {
        inboxes.forEach(DemoInboxViewModel::refresh);
    }

    @Override
    public void closeAll() {
        closedAll++;
    }
}
