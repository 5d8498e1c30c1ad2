package org.memberdesk.ui.viewmodel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.testsupport.ServicesCase;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;

/** Settings → Portal sign-in and Send login email… for many, on real services. */
class SignInViewModelsTest extends ServicesCase {

    private static final Actor AGENT = Actor.agent("Sam (support)");
    private static final List<String> THREE = List.of("ana@example.com", "ben@example.com", "cy@example.com");

    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    EmailTemplatesViewModel.Tools tools;

    @BeforeEach
    void contacts() {
        tools = new EmailTemplatesViewModel.Tools(executor, messages, AGENT);
        for (String email : THREE) {
            services.contacts().add(email, email.substring(0, 3), List.of(), AGENT);
        }
    }

    @Test
    void theSettingsDialogTurnsMagicLinksOnAndRelaxesARule() {
        SignInSettingsViewModel settings = new SignInSettingsViewModel(services.signInLinks(),
                services.identityChecks(), tools);
        settings.load();
        assertThat(settings.magicLinksProperty().get()).isFalse();
        assertThat(settings.emailChangeVerifiedProperty().get()).isTrue();
        assertThat(settings.recoveryVerifiedProperty().get()).isTrue();

        settings.magicLinksProperty().set(true);
        settings.recoveryVerifiedProperty().set(false);
        settings.save();

        assertThat(settings.outcomeProperty().get()).isEqualTo("Saved.");
        assertThat(services.signInLinks().enabled()).isTrue();
        assertThat(services.identityChecks().rules().recoveryRequired()).isFalse();
        assertThat(services.identityChecks().rules().emailChangeRequired()).isTrue();
    }

    @Test
    void sendLoginEmailToManyPreviewsSendsWithProgressAndListsWhoIsSkipped() {
        services.signInLinks().setEnabled(true, AGENT);
        for (int i = 0; i < 5; i++) {
            services.signInLinks().send("ben@example.com", AGENT);
            clock.advance(Duration.ofMinutes(1));
        }
        LoginEmailsViewModel bulk = new LoginEmailsViewModel(services.signInLinks(), tools, () -> THREE,
                "The 3 chosen contact(s)");

        bulk.load();

        assertThat(bulk.previewProperty().get())
                .isEqualTo("The 3 chosen contact(s): 2 get a sign-in link, 1 over the hourly limit will be skipped.");
        assertThat(bulk.skipped()).singleElement().asString().startsWith("ben@example.com: ");
        assertThat(bulk.readyProperty().get()).isTrue();

        bulk.send();

        assertThat(bulk.progressProperty().get()).isEqualTo(1.0);
        assertThat(bulk.summaryProperty().get()).isEqualTo("Done: 2 sign-in link(s) queued, 1 contact(s) skipped.");
        assertThat(services.emails().list("ana@example.com")).extracting(e -> e.kind().code()).containsExactly("login-link");
        assertThat(services.emails().list("cy@example.com")).hasSize(1);
        bulk.send();
        assertThat(services.emails().list("ana@example.com")).as("once per window").hasSize(1);
    }

    @Test
    void withMagicLinksOffTheWindowSaysSoAndSendsNothing() {
        LoginEmailsViewModel bulk = new LoginEmailsViewModel(services.signInLinks(), tools, () -> THREE, "x");
        bulk.load();
        assertThat(bulk.errorProperty().get()).contains("magic-link sign-in is off");
        assertThat(bulk.readyProperty().get()).isFalse();
        bulk.send();
        assertThat(services.emails().list("ana@example.com")).isEmpty();
    }
}
