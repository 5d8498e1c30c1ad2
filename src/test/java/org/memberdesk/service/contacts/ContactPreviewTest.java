package org.memberdesk.service.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

class ContactPreviewTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);

    @Test
    void theFirstPageIsTheListTheSearchShowsForAnEmptyQuery() {
        try (Services services = TestServices.open(dir, clock)) {
            services.demo().seed();
            ContactPreview.Page page = ContactPreview.firstPage(new DataDirectory(dir), 10).orElseThrow();

            assertThat(page.contacts()).isEqualTo(services.contacts().find("", 10));
            assertThat(page.total()).isEqualTo(services.contacts().count()).isGreaterThan(10);
            assertThat(page.contacts()).anySatisfy(contact -> assertThat(contact.tags()).isNotEmpty());
        }
    }

    @Test
    void thereIsNoPreviewWithoutContactsOrWithoutADatabase() throws Exception {
        assertThat(ContactPreview.firstPage(new DataDirectory(dir), 50)).isEmpty();
        try (Services services = TestServices.open(dir, clock)) {
            assertThat(services.contacts().count()).isZero();
        }
        assertThat(ContactPreview.firstPage(new DataDirectory(dir), 50)).isEmpty();
    }

    @Test
    void aFileThatIsNotOurDatabaseGivesNoPreviewRatherThanAnError() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        Files.createDirectories(directory.database().getParent());
        Files.writeString(directory.database(), "not a database");

        assertThat(ContactPreview.firstPage(directory, 50)).isEmpty();
    }
}
