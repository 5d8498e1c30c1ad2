package org.memberdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.contacts.ContactEdit;
import org.memberdesk.service.credentials.SeenPassword;
import org.memberdesk.service.email.MailSettingsView;
import org.memberdesk.service.email.SmtpSettingsForm;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.service.workflow.WorkflowView;
import org.memberdesk.testsupport.ServicesCase;
import org.memberdesk.testsupport.TestServices;

/** Two desks on one data directory: a save based on what one desk loaded never overwrites the other's change. */
class NoLostUpdatesTest extends ServicesCase {

    static final Actor ANN = Actor.agent("Ann");
    static final Actor BOB = Actor.agent("Bob");
    static final String PASSWORD = "correct horse battery staple river";

    Services deskB;

    @BeforeEach
    void secondDesk() {
        deskB = TestServices.open(dir, clock);
        services.contacts().add("dana@example.com", "Dana Lee", List.of("vip"), ANN);
        clock.advance(Duration.ofMinutes(5));
    }

    @AfterEach
    void closeSecondDesk() {
        deskB.close();
    }

    private ContactCard card() {
        return services.contacts().card(services.contacts().byEmail("dana@example.com").id());
    }

    @Test
    void anEditOverAnotherDesksEditIsRefusedNamingItAndOverwritesNothing() {
        ContactCard seen = card();
        deskB.contacts().change(seen.contact().id(), seen.version(), null, "Dana B. Lee", null, BOB);

        assertThatThrownBy(() -> services.contacts().change(seen.contact().id(), seen.version(), null, "Dana Ann",
                List.of("vip", "late"), ANN))
                .isInstanceOfSatisfying(UserError.ChangedMeanwhile.class, refused -> {
                    assertThat(refused.by()).contains("Bob");
                    assertThat(refused.at()).contains(clock.instant());
                });
        assertThat(card().contact().name()).isEqualTo("Dana B. Lee");
        assertThat(card().contact().tags()).containsExactly("vip");
    }

    @Test
    void aSaveFromTheCurrentVersionWorksAndTheAgentsOwnNextEditDoesNotConflict() {
        ContactCard seen = card();
        ContactEdit first = services.contacts().change(seen.contact().id(), seen.version(), null, "Dana Lee-Ray",
                null, ANN);
        assertThat(first.version()).isGreaterThan(seen.version());

        ContactCard fresh = card();
        assertThat(fresh.version()).isEqualTo(first.version());
        services.contacts().change(fresh.contact().id(), fresh.version(), null, null, List.of("vip", "late"), ANN);

        assertThat(card().contact().name()).isEqualTo("Dana Lee-Ray");
        assertThat(card().contact().tags()).containsExactly("late", "vip");
    }

    @Test
    void changePasswordIsRefusedWhenThePasswordWasSetMeanwhile() {
        SeenPassword seen = SeenPassword.of(card().portal());
        deskB.credentials().setPassword("dana@example.com", null, PASSWORD, false, BOB);

        assertThatThrownBy(() -> services.credentials().setPassword("dana@example.com", null, seen,
                PASSWORD + " two", false, ANN))
                .isInstanceOfSatisfying(UserError.ChangedMeanwhile.class,
                        refused -> assertThat(refused.by()).contains("Bob"));

        SeenPassword now = SeenPassword.of(card().portal());
        assertThat(now).isNotEqualTo(seen);
        clock.advance(Duration.ofMinutes(1));
        services.credentials().setPassword("dana@example.com", null, now, PASSWORD + " two", false, ANN);
        assertThat(SeenPassword.of(card().portal())).isNotEqualTo(now);
    }

    @Test
    void theWorkflowEditorsSaveOverAnotherDesksSaveIsRefused() {
        WorkflowView seen = services.workflows().get(WorkflowService.DEFAULT_NAME);
        WorkflowDefinition d = seen.definition();
        deskB.workflows().disable(WorkflowService.DEFAULT_NAME, BOB);

        WorkflowDefinition renamed = new WorkflowDefinition("Welcome everyone", d.enabled(), d.trigger(), d.filters(),
                d.actions());
        assertThatThrownBy(() -> services.workflows().update(seen.name(), seen.version(), renamed, ANN))
                .isInstanceOfSatisfying(UserError.ChangedMeanwhile.class,
                        refused -> assertThat(refused.by()).contains("Bob"));
        WorkflowView now = services.workflows().get(seen.id());
        assertThat(now.name()).isEqualTo(WorkflowService.DEFAULT_NAME);
        assertThat(now.enabled()).isFalse();

        WorkflowView saved = services.workflows().update(now.name(), now.version(), renamed, ANN);
        services.workflows().update(saved.name(), saved.version(), renamed, ANN);
        assertThat(services.workflows().get(seen.id()).name()).isEqualTo("Welcome everyone");
    }

    @Test
    void smtpSettingsSavedOverAnotherDesksSaveAreRefused() {
        MailSettingsView seen = services.mailSettings().view();
        deskB.mailSettings().save(new SmtpSettingsForm("mail.example.org", 587, "starttls", null, null, null), BOB);

        assertThatThrownBy(() -> services.mailSettings().save(
                new SmtpSettingsForm("smtp.example.net", 465, "ssl", null, null, null), seen.version(), ANN))
                .isInstanceOfSatisfying(UserError.ChangedMeanwhile.class,
                        refused -> assertThat(refused.by()).contains("Bob"));
        MailSettingsView now = services.mailSettings().view();
        assertThat(now.host()).isEqualTo("mail.example.org");

        MailSettingsView saved = services.mailSettings().save(
                new SmtpSettingsForm("smtp.example.net", 465, "ssl", null, null, null), now.version(), ANN);
        assertThat(saved.host()).isEqualTo("smtp.example.net");
        services.mailSettings().savePortalUrl("https://members.example.com", saved.version(), ANN);
    }

    @Test
    void theEmailSettingsFormStoresServerAndPortalUrlTogetherOrNeither() {
        MailSettingsView seen = services.mailSettings().view();
        SmtpSettingsForm smtp = new SmtpSettingsForm("smtp.example.net", 465, "ssl", null, null, null);

        assertThatThrownBy(() -> services.mailSettings().saveForm(smtp, "members.example.net", seen.version(), ANN))
                .isInstanceOf(UserError.class);
        assertThat(services.mailSettings().view().host()).as("no server without its portal URL").isNull();

        MailSettingsView saved = services.mailSettings().saveForm(smtp, "https://members.example.net",
                seen.version(), ANN);
        assertThat(saved.host()).isEqualTo("smtp.example.net");
        assertThat(saved.portalUrl()).isEqualTo("https://members.example.net");

        deskB.mailSettings().savePortalUrl("https://portal.example.org", BOB);
        assertThatThrownBy(() -> services.mailSettings().saveForm(
                new SmtpSettingsForm("smtp2.example.net", 465, "ssl", null, null, null), null, saved.version(), ANN))
                .isInstanceOfSatisfying(UserError.ChangedMeanwhile.class,
                        refused -> assertThat(refused.by()).contains("Bob"));
        assertThat(services.mailSettings().view().host()).isEqualTo("smtp.example.net");
    }
}
