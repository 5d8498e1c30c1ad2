package org.memberdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.credentials.SeenPassword;
import org.memberdesk.service.importing.ImportProgress;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.service.workflow.WorkflowView;
import org.memberdesk.testsupport.ServicesCase;

/** A save refused over a change made meanwhile names the one who made that change, not a look-alike. */
class ChangedMeanwhileNamesTest extends ServicesCase {

    static final Actor ANN = Actor.agent("Ann");
    static final Actor BOB = Actor.agent("Bob");
    static final Actor KIM = Actor.agent("Kim");
    static final String DANA = "dana@example.com";
    static final String PASSWORD = "correct horse battery staple river";

    private ContactCard card() {
        return services.contacts().card(services.contacts().byEmail(DANA).id());
    }

    private SeenPassword seenIn(String group) {
        return SeenPassword.of(card().communities().stream().filter(c -> c.group().equals(group)).findFirst()
                .orElseThrow().credential());
    }

    @Test
    void aGroupsPasswordRefusalNamesWhoSetThatGroupsPasswordNotOneOfAGroupWithALongerName() {
        services.contacts().add(DANA, "Dana Lee", List.of(), ANN);
        services.communities().create("Foo", ANN);
        services.communities().create("Foobar", ANN);
        services.communities().add(DANA, "Foo", ANN);
        services.communities().add(DANA, "Foobar", ANN);
        SeenPassword seen = seenIn("Foo");

        clock.advance(Duration.ofMinutes(1));
        services.credentials().setPassword(DANA, "Foo", PASSWORD, false, BOB);
        clock.advance(Duration.ofMinutes(1));
        services.credentials().setPassword(DANA, "Foobar", PASSWORD, false, KIM);

        assertThatThrownBy(() -> services.credentials().setPassword(DANA, "Foo", seen, PASSWORD + " two", false, ANN))
                .isInstanceOfSatisfying(UserError.ChangedMeanwhile.class,
                        refused -> assertThat(refused.by()).contains("Bob"));
        assertThat(services.credentials().seen(DANA, "Foo")).isEqualTo(seenIn("Foo")).isNotEqualTo(seen);
    }

    @Test
    void seenRefusesAGroupTheContactIsNotAMemberOf() {
        services.contacts().add(DANA, "Dana Lee", List.of(), ANN);
        services.communities().create("Foo", ANN);

        assertThatThrownBy(() -> services.credentials().seen(DANA, "Foo"))
                .isInstanceOf(UserError.class).hasMessageContaining("not a member of Foo");
    }

    @Test
    void aWorkflowRefusalNamesWhoChangedThatWorkflowNotOneWithALongerName() {
        WorkflowView foo = rename(services.workflows().get(WorkflowService.DEFAULT_NAME), "Foo", ANN);
        WorkflowView foobar = services.workflows().create(new WorkflowDefinition("Foobar", foo.definition().enabled(),
                foo.definition().trigger(), foo.definition().filters(), foo.definition().actions()), ANN);

        clock.advance(Duration.ofMinutes(1));
        services.workflows().disable("Foo", BOB);
        clock.advance(Duration.ofMinutes(1));
        rename(foobar, "Foobar", KIM);

        assertThatThrownBy(() -> services.workflows().update(foo.id(), foo.version(), foo.definition(), ANN))
                .isInstanceOfSatisfying(UserError.ChangedMeanwhile.class,
                        refused -> assertThat(refused.by()).contains("Bob"));
    }

    @Test
    void aWorkflowRenamedMeanwhileIsNamedByItsNewName() {
        WorkflowView seen = services.workflows().get(WorkflowService.DEFAULT_NAME);
        clock.advance(Duration.ofMinutes(1));
        rename(seen, "Welcome everyone", BOB);

        assertThatThrownBy(() -> services.workflows().update(seen.id(), seen.version(), seen.definition(), ANN))
                .isInstanceOfSatisfying(UserError.ChangedMeanwhile.class,
                        refused -> assertThat(refused.by()).contains("Bob"));
    }

    private WorkflowView rename(WorkflowView w, String name, Actor actor) {
        WorkflowDefinition d = w.definition();
        return services.workflows().update(w.id(), w.version(),
                new WorkflowDefinition(name, d.enabled(), d.trigger(), d.filters(), d.actions()), actor);
    }

    @Test
    void tagsAnImportAddedMeanwhileAreBlamedOnTheImportingAgent() throws IOException {
        services.contacts().add(DANA, "Dana Lee", List.of("vip"), ANN);
        ContactCard seen = card();
        Path file = Files.writeString(dir.resolve("tags.csv"), "email,name,tags\n" + DANA + ",Dana Lee,late\n",
                StandardCharsets.UTF_8);

        clock.advance(Duration.ofMinutes(1));
        // the import takes a while: it is released a minute after it started
        services.contactImport().run(file, false, KIM, (phase, done, total) -> {
            if (phase == ImportProgress.Phase.WRITING) {
                clock.advance(Duration.ofMinutes(1));
            }
        });
        assertThat(card().contact().tags()).containsExactlyInAnyOrder("vip", "late");

        assertThatThrownBy(() -> services.contacts().change(seen.contact().id(), seen.version(), null, "Dana Ann",
                null, ANN))
                .isInstanceOfSatisfying(UserError.ChangedMeanwhile.class,
                        refused -> assertThat(refused.by()).contains("Kim"));
    }

    @Test
    void theRefusalsOwnSentenceShowsNoRawInstant() {
        Instant at = Instant.parse("2026-03-04T09:42:17.123Z");

        assertThat(new UserError.ChangedMeanwhile("Bob", AuditLog.Origin.AGENT, at).getMessage())
                .isEqualTo("changed by Bob meanwhile; reload to see the change");
        assertThat(new UserError.ChangedMeanwhile(null, null, at).getMessage())
                .doesNotContain("2026").doesNotContain("desk or process")
                .contains("someone else (another console or a command-line tool)");
    }
}
