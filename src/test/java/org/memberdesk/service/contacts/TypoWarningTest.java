package org.memberdesk.service.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import org.memberdesk.testsupport.Verified;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.importing.ImportPreview;
import org.memberdesk.service.importing.ImportProgress;
import org.memberdesk.service.importing.ImportResult;
import org.memberdesk.service.importing.RowNotice;
import org.memberdesk.testsupport.ServicesCase;

/** A likely mistyped domain is said when a contact is added, edited or imported, and saved as typed all the same. */
class TypoWarningTest extends ServicesCase {

    Actor agent = Actor.agent("Sam (support)");

    @TempDir
    Path files;

    @Test
    void addingWarnsOfALikelyTypoAndSavesTheAddressAsTyped() {
        ContactAdded added = services.contacts().create("Dana@Gmial.com", "Dana Whitfield", List.of(), agent);

        assertThat(added.typo()).isNotNull();
        assertThat(added.typo().likelyDomain()).isEqualTo("gmail.com");
        assertThat(added.typo().suggestedEmail()).isEqualTo("dana@gmail.com");
        assertThat(added.typo().message()).contains("gmial.com", "gmail.com", "dana@gmail.com");
        assertThat(added.contact().email()).isEqualTo("dana@gmial.com");
        assertThat(services.contacts().byEmail("dana@gmial.com").id()).isEqualTo(added.contact().id());
    }

    @Test
    void aRealLookalikeOrAnOrdinaryDomainGetsNoWarning() {
        assertThat(services.contacts().create("kim@ymail.com", "Kim", List.of(), agent).typo()).isNull();
        assertThat(services.contacts().create("jo@example.com", "Jo", List.of(), agent).typo()).isNull();
        assertThat(services.contacts().create("ana@acme-widgets.com", "Ana", List.of(), agent).typo()).isNull();
    }

    @Test
    void editingToALikelyTypoWarnsAndSavesIt() {
        ContactSummary jo = services.contacts().add("jo@example.com", "Jo", List.of(), agent);

        ContactEdit edit = services.contacts().change("jo@example.com", "jo@hotmial.com", null, null, Verified.BY_PHONE, agent);

        assertThat(edit.typo()).isNotNull();
        assertThat(edit.typo().suggestedEmail()).isEqualTo("jo@hotmail.com");
        assertThat(services.contacts().card(jo.id()).contact().email()).isEqualTo("jo@hotmial.com");

        ContactEdit fixed = services.contacts().change(jo.id(), edit.version(), "jo@hotmail.com", "Jo", List.of(),
                Verified.BY_PHONE, agent);
        assertThat(fixed.typo()).isNull();
        assertThat(services.contacts().change("jo@hotmail.com", "jo@ymail.com", null, null, Verified.BY_PHONE, agent).typo()).isNull();
        assertThat(services.contacts().change("jo@ymail.com", null, "Jo Ymail", null, agent).typo()).isNull();
    }

    @Test
    void theImportPreviewNotesEachRowWithALikelyTypoAndTheImportWritesItAsGiven() throws IOException {
        Path file = Files.writeString(files.resolve("contacts.csv"),
                "email,name\nkim@ymail.com,Kim\ndana@gmial.com,Dana\nlee@example.con,Lee\nana@example.org,Ana\n",
                StandardCharsets.UTF_8);

        ImportPreview preview = services.contactImport().preview(file);

        assertThat(preview.refusedRows()).isZero();
        assertThat(preview.notices()).extracting(RowNotice::line, RowNotice::email, RowNotice::suggestedEmail)
                .containsExactly(tuple(3, "dana@gmial.com", "dana@gmail.com"),
                        tuple(4, "lee@example.con", "lee@example.com"));
        assertThat(preview.notices().get(0).message()).contains("gmail.com", "dana@gmail.com");

        ImportResult result = services.contactImport().run(file, false, agent, ImportProgress.NONE);

        assertThat(result.importedRows()).isEqualTo(4);
        assertThat(result.notices()).extracting(RowNotice::suggestedEmail)
                .containsExactly("dana@gmail.com", "lee@example.com");
        assertThat(services.contacts().byEmail("dana@gmial.com").name()).isEqualTo("Dana");
        assertThat(services.contacts().byEmail("lee@example.con").name()).isEqualTo("Lee");
    }
}
