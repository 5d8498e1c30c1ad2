package org.memberdesk.service.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.memberdesk.testsupport.Verified;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.persistence.TestSessions;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.demo.DemoInboxService;
import org.memberdesk.service.diagnostics.Concern;
import org.memberdesk.service.diagnostics.DiagnosticCodes;
import org.memberdesk.service.diagnostics.Finding;
import org.memberdesk.service.importing.ImportPreview;
import org.memberdesk.service.importing.RowProblem;
import org.memberdesk.testsupport.ServicesCase;

/** Addresses with non-ASCII characters, entered through the services every door (CLI, console, import) uses. */
class InternationalAddressTest extends ServicesCase {

    Actor agent = Actor.agent("tester");

    @BeforeEach
    void open() {
        services.contacts().add("dana@example.com", "Dana Whitfield", List.of(), agent);
    }

    @Test
    void aNonAsciiLocalPartIsRefusedOnAddAndEditAndNothingIsWritten() {
        int auditBefore = services.audit().latest(50).size();

        for (String typed : List.of("ä@example.org", "😀@example.org")) {
            assertThatThrownBy(() -> services.contacts().add(typed, "Anna", List.of(), agent))
                    .isInstanceOf(UserError.class)
                    .hasMessageStartingWith("'" + typed + "' cannot be used: the part before the @")
                    .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
            assertThatThrownBy(() -> services.contacts().edit("dana@example.com", typed, null, null, agent))
                    .isInstanceOf(UserError.class).hasMessageContaining("the part before the @");
        }

        assertThat(services.contacts().count()).isEqualTo(1);
        assertThat(services.contacts().byEmail("dana@example.com").name()).isEqualTo("Dana Whitfield");
        assertThat(services.audit().latest(50)).hasSize(auditBefore);
    }

    @Test
    void anImportRowWithANonAsciiLocalPartIsABadRow() throws Exception {
        Path csv = dir.resolve("contacts.csv");
        Files.writeString(csv, "email,name\nä@example.org,Anna\nanna@bücher.example,Anna Book\n",
                StandardCharsets.UTF_8);

        ImportPreview preview = services.contactImport().preview(csv);

        assertThat(preview.problems()).extracting(RowProblem::line).containsExactly(2);
        assertThat(preview.problems().get(0).reason()).contains("the part before the @");
        assertThat(preview.newContacts()).isEqualTo(1);
    }

    @Test
    void anInternationalisedDomainIsStoredAndShownInUnicode() {
        ContactSummary anna = services.contacts().add("Anna@BÜCHER.example", "Anna Book", List.of(), agent);
        ContactSummary jo = services.contacts().add("jo@xn--bcher-kva.example", "Jo Book", List.of(), agent);

        assertThat(anna.email()).isEqualTo("anna@bücher.example");
        assertThat(jo.email()).isEqualTo("jo@bücher.example");
        assertThat(services.contacts().byEmail("anna@xn--bcher-kva.example").id()).isEqualTo(anna.id());
        assertThat(services.contacts().find("bücher")).extracting(ContactSummary::email)
                .containsExactly("anna@bücher.example", "jo@bücher.example");
        assertThat(services.diagnostics().diagnose("anna@bücher.example", Concern.none()))
                .extracting(Finding::code).doesNotContain(DiagnosticCodes.EMAIL_MALFORMED);
    }

    @Test
    void theDemoInboxAndEmailHistoryShowTheDomainInUnicode() {
        services.contacts().add("anna@bücher.example", "Anna Book", List.of(), agent);
        services.credentials().sendResetLink("anna@bücher.example", null, Duration.ofHours(24), agent);

        services.emails().runOutbox(true);

        assertThat(services.demoInbox().list()).extracting(DemoInboxService.DemoMailSummary::to)
                .containsExactly("anna@bücher.example");
        UUID anna = services.contacts().byEmail("anna@bücher.example").id();
        assertThat(services.emails().list(anna)).singleElement().satisfies(e -> {
            assertThat(e.status().code()).isEqualTo("sent");
            assertThat(e.recipient()).isEqualTo("anna@bücher.example");
        });
    }

    @Test
    void aContactMadeBeforeTheRuleCanStillBeFoundDiagnosedAndCorrected() {
        services.contacts().add("a@example.org", "Anna Old", List.of(), agent);
        services.transactions().database().write(t -> TestSessions.of(t)
                .createNativeMutationQuery("update contact set email = 'ä@example.org' where email = 'a@example.org'")
                .executeUpdate());

        assertThat(services.contacts().byEmail("Ä@example.org").name()).isEqualTo("Anna Old");
        Finding malformed = services.diagnostics().diagnose("ä@example.org", Concern.none()).stream()
                .filter(f -> f.code().equals(DiagnosticCodes.EMAIL_MALFORMED)).findFirst().orElseThrow();
        assertThat(malformed.evidence().get("reason")).contains("the part before the @");

        services.contacts().edit("ä@example.org", "anna@example.org", null, null, Verified.BY_PHONE, agent);

        assertThat(services.contacts().byEmail("anna@example.org").name()).isEqualTo("Anna Old");
    }
}
