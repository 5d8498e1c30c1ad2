package org.memberdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.persistence.Database;
import org.memberdesk.service.credentials.Tokens;
import org.memberdesk.testsupport.TestClock;

/** With no SMTP configured each process runs its own demo server; all of them fill one mailbox directory. */
class DemoMailTest {

    @TempDir
    Path dir;
    TestClock clock = TestClock.at("2026-03-02T09:00:00Z");

    @Test
    void demoServersOfTwoProcessesWriteEmlFilesThatAnyReaderLists() throws Exception {
        try (MailFixture console = new MailFixture(dir, clock);
             Database cliDatabase = Database.open(dir.resolve("memberdesk.db"));
             DemoMailServer cliServer = new DemoMailServer(dir.resolve("demo-mailbox"), clock)) {
            assertThat(console.read(console.settings::load).configured()).isFalse();
            assertThat(console.demo.isRunning()).as("started lazily").isFalse();
            UUID dana = console.contact("dana.whitfield@example.com", "Dana Whitfield", false);
            UUID reset = console.queueReset(dana);

            console.dispatcher().runDue();
            assertThat(console.demo.isRunning()).isTrue();
            assertThat(console.email(reset).getStatus()).isEqualTo(EmailStatus.SENT);

            // the CLI, another process with its own demo server, sends the next one a minute later
            clock.advance(Duration.ofMinutes(1));
            UUID changed = console.queue(dana, (base, c) -> console.composer.passwordChanged(base, c, clock.instant()));
            new Dispatcher(cliDatabase, clock, console.settings, console.links, Tokens::mint, cliServer,
                    MailFixture.FAST).runDue();
            assertThat(console.email(changed).getStatus()).isEqualTo(EmailStatus.SENT);

            try (Stream<Path> files = Files.list(dir.resolve("demo-mailbox"))) {
                assertThat(files.map(p -> p.getFileName().toString()).toList())
                        .hasSize(2).allSatisfy(name -> assertThat(name).endsWith(".eml").doesNotStartWith("."));
            }
            DemoMailbox inbox = new DemoMailbox(dir.resolve("demo-mailbox"));
            List<DemoMailbox.Summary> listed = inbox.list();
            assertThat(listed).extracting(DemoMailbox.Summary::subject)
                    .containsExactly("Your Client Portal password was changed", "Reset your Client Portal password");
            assertThat(listed.get(1).to()).isEqualTo("dana.whitfield@example.com");
            assertThat(listed.get(1).from()).contains("no-reply@example.com");
            assertThat(listed.get(1).receivedAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));

            DemoMailbox.Opened opened = inbox.open(listed.get(1).id()).orElseThrow();
            assertThat(opened.text()).contains("Hi Dana Whitfield,");
            assertThat(opened.html()).contains("<h1");
            assertThat(opened.links()).anySatisfy(link ->
                    assertThat(link).matches("http://localhost:7321/reset/[A-Za-z0-9_-]{43}"));
            assertThat(inbox.open("../memberdesk.db")).isEmpty();
            assertThat(inbox.open("20260302T090000000Z-00000000.eml")).isEmpty();
        }
    }

    @Test
    void anEmptyOrMissingMailboxListsNothing() {
        assertThat(new DemoMailbox(dir.resolve("nothing-here")).list()).isEmpty();
    }
}
