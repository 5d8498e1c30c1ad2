package org.memberdesk.ui.viewmodel.mail;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.memberdesk.service.credentials.IdentityChecks;
import org.memberdesk.service.credentials.SignInLinks;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * Settings → Portal sign-in: whether contacts may sign in with an emailed link (magic link), and
 * which changes need the agent to say how the caller was verified.
 */
public final class SignInSettingsViewModel {

    /** What the dialog reads and writes, done in one background call. */
    private record Settings(boolean magicLinks, boolean emailChangeVerified, boolean recoveryVerified) {
    }

    private final SignInLinks signInLinks;
    private final IdentityChecks identityChecks;
    private final EmailTemplatesViewModel.Tools tools;
    private final BooleanProperty magicLinks = new SimpleBooleanProperty(this, "magicLinks");
    private final BooleanProperty emailChangeVerified = new SimpleBooleanProperty(this, "emailChangeVerified", true);
    private final BooleanProperty recoveryVerified = new SimpleBooleanProperty(this, "recoveryVerified", true);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final Command call;

    public SignInSettingsViewModel(SignInLinks signInLinks, IdentityChecks identityChecks,
                                   EmailTemplatesViewModel.Tools tools) {
        this.signInLinks = signInLinks;
        this.identityChecks = identityChecks;
        this.tools = tools;
        this.call = new Command(tools.executor(), failure -> outcome.set(Failures.describe(failure, tools.messages())));
    }

    public void load() {
        call.run(() -> {
            IdentityChecks.Rules rules = identityChecks.rules();
            return new Settings(signInLinks.enabled(), rules.emailChangeRequired(), rules.recoveryRequired());
        }, this::show);
    }

    public void save() {
        boolean links = magicLinks.get();
        boolean email = emailChangeVerified.get();
        boolean recovery = recoveryVerified.get();
        call.run(() -> {
            signInLinks.setEnabled(links, tools.agent());
            IdentityChecks.Rules rules = identityChecks.setRules(email, recovery, tools.agent());
            return new Settings(links, rules.emailChangeRequired(), rules.recoveryRequired());
        }, saved -> {
            show(saved);
            outcome.set(tools.messages().get("signInSettings.saved"));
        });
    }

    private void show(Settings settings) {
        magicLinks.set(settings.magicLinks());
        emailChangeVerified.set(settings.emailChangeVerified());
        recoveryVerified.set(settings.recoveryVerified());
    }

    public BooleanProperty magicLinksProperty() {
        return magicLinks;
    }

    public BooleanProperty emailChangeVerifiedProperty() {
        return emailChangeVerified;
    }

    public BooleanProperty recoveryVerifiedProperty() {
        return recoveryVerified;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return call.runningProperty();
    }
}
