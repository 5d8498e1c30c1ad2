package org.memberdesk.ui.view.mail;

import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.AppShortcuts;
import org.memberdesk.ui.view.common.Windows;
import org.memberdesk.ui.viewmodel.mail.BrandingViewModel;
import org.memberdesk.ui.viewmodel.mail.DemoInboxViewModel;
import org.memberdesk.ui.viewmodel.mail.EmailTemplatesViewModel;
import org.memberdesk.ui.viewmodel.mail.LoginEmailsViewModel;
import org.memberdesk.ui.viewmodel.mail.MailWindows;
import org.memberdesk.ui.viewmodel.mail.OutboxProblemsViewModel;
import org.memberdesk.ui.viewmodel.mail.SignInSettingsViewModel;
import org.memberdesk.ui.viewmodel.mail.SmtpSettingsViewModel;

/** The Inbox (demo) and Outbox problems windows and the Email settings dialog, one of each at a time. */
public final class MailStages implements MailWindows {

    private final Messages messages;
    private final Supplier<Window> owner;
    private Stage inbox;
    private DemoInboxViewModel inboxModel;
    private Stage settings;
    private Stage problems;
    private OutboxProblemsViewModel problemsModel;
    private Stage templates;
    private Stage branding;
    private Stage signIn;

    public MailStages(Messages messages, Supplier<Window> owner) {
        this.messages = messages;
        this.owner = owner;
    }

    @Override
    public void showDemoInbox(Supplier<DemoInboxViewModel> model) {
        if (Windows.bringToFront(inbox)) {
            refreshInbox(); // opened again: mail received since (by any process) shows
            return;
        }
        DemoInboxViewModel viewModel = model.get();
        DemoInboxView view = new DemoInboxView(viewModel, messages);
        inbox = stage(view.root(), 1180, 720, messages.get("inbox.windowTitle"), false);
        Windows.remember(inbox, "inbox");
        AppShortcuts.install(inbox, viewModel::refresh);
        inbox.setOnHidden(event -> {
            viewModel.close();
            inbox = null;
            inboxModel = null;
        });
        inboxModel = viewModel;
        inbox.show();
        inbox.requestFocus();
        viewModel.load();
    }

    @Override
    public void showSmtpSettings(Supplier<SmtpSettingsViewModel> model) {
        if (Windows.bringToFront(settings)) {
            return;
        }
        SmtpSettingsViewModel viewModel = model.get();
        SmtpSettingsView view = new SmtpSettingsView(viewModel, messages);
        settings = stage(view.root(), 700, 760, messages.get("smtp.windowTitle"), true);
        Windows.remember(settings, "smtp");
        settings.setOnHidden(event -> settings = null);
        settings.show();
        settings.requestFocus();
        viewModel.load();
    }

    @Override
    public void showOutboxProblems(Supplier<OutboxProblemsViewModel> model) {
        if (Windows.bringToFront(problems)) {
            refreshOutboxProblems();
            return;
        }
        OutboxProblemsViewModel viewModel = model.get();
        OutboxProblemsView view = new OutboxProblemsView(viewModel, messages);
        problems = stage(view.root(), 1100, 620, messages.get("outboxProblems.windowTitle"), false);
        Windows.remember(problems, "outbox-problems");
        AppShortcuts.install(problems, viewModel::refresh);
        problems.setOnHidden(event -> {
            viewModel.close();
            problems = null;
            problemsModel = null;
        });
        problemsModel = viewModel;
        problems.show();
        problems.requestFocus();
        viewModel.load();
    }

    @Override
    public void showEmailTemplates(Supplier<EmailTemplatesViewModel> model) {
        if (Windows.bringToFront(templates)) {
            return;
        }
        EmailTemplatesViewModel viewModel = model.get();
        EmailTemplatesView view = new EmailTemplatesView(viewModel, messages);
        templates = stage(view.root(), 1280, 780, messages.get("templates.windowTitle"), false);
        Windows.remember(templates, "email-templates");
        templates.setOnHidden(event -> templates = null);
        templates.show();
        templates.requestFocus();
        viewModel.load();
    }

    @Override
    public void showBranding(Supplier<BrandingViewModel> model) {
        if (Windows.bringToFront(branding)) {
            return;
        }
        BrandingViewModel viewModel = model.get();
        BrandingSettingsView view = new BrandingSettingsView(viewModel, messages);
        branding = stage(view.root(), 620, 480, messages.get("branding.windowTitle"), true);
        Windows.remember(branding, "branding");
        branding.setOnHidden(event -> branding = null);
        branding.show();
        branding.requestFocus();
        viewModel.load();
    }

    @Override
    public void showSignInSettings(Supplier<SignInSettingsViewModel> model) {
        if (Windows.bringToFront(signIn)) {
            return;
        }
        SignInSettingsViewModel viewModel = model.get();
        SignInSettingsView view = new SignInSettingsView(viewModel, messages);
        signIn = stage(view.root(), 600, 440, messages.get("signInSettings.windowTitle"), true);
        Windows.remember(signIn, "sign-in-settings");
        signIn.setOnHidden(event -> signIn = null);
        signIn.show();
        signIn.requestFocus();
        viewModel.load();
    }

    @Override
    public void showLoginEmails(Supplier<LoginEmailsViewModel> model) {
        LoginEmailsViewModel viewModel = model.get();
        Stage[] stage = new Stage[1];
        LoginEmailsView view = new LoginEmailsView(viewModel, messages, () -> stage[0].close());
        stage[0] = stage(view.root(), 620, 460, messages.get("loginEmails.windowTitle"), true);
        Windows.remember(stage[0], "login-emails");
        stage[0].show();
        stage[0].requestFocus();
        view.focusSend();
        viewModel.load();
    }

    @Override
    public void refreshOutboxProblems() {
        if (problemsModel != null) {
            problemsModel.refresh();
        }
    }

    @Override
    public void refreshInbox() {
        if (inboxModel != null) {
            inboxModel.refresh();
        }
    }

    @Override
    public void closeAll() {
        if (inbox != null) {
            inbox.close();
        }
        if (signIn != null) {
            signIn.close();
        }
        if (settings != null) {
            settings.close();
        }
        if (problems != null) {
            problems.close();
        }
        if (templates != null) {
            templates.close();
        }
        if (branding != null) {
            branding.close();
        }
    }

    private Stage stage(Parent root, double width, double height, String title, boolean owned) {
        Stage stage = Windows.create(root, width, height, title, owned ? owner.get() : null);
        stage.setMinWidth(560);
        stage.setMinHeight(420);
        return stage;
    }

}
