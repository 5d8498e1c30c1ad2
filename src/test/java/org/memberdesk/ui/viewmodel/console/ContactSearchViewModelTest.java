package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;

class ContactSearchViewModelTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    Services services;

    @BeforeEach
    void seed() {
        services = DemoDirectory.seeded(dir, clock);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void typingNarrowsTheListAndSelectsTheFirstMatch() {
        ContactSearchViewModel search = new ContactSearchViewModel(TestExecutor.currentThread(), messages);
        search.connect(services.contacts());
        assertThat(search.results()).hasSizeGreaterThan(40);

        search.queryProperty().set("example.org");
        assertThat(search.results()).isNotEmpty().allMatch(row -> row.email().endsWith("@example.org"));

        search.queryProperty().set("dana");
        assertThat(search.results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
        assertThat(search.results().get(0).tags()).isEqualTo("cant-login, vip");
        assertThat(search.selected()).map(ContactRow::name).contains("Dana Whitfield");

        search.queryProperty().set("nobody-has-this");
        assertThat(search.results()).isEmpty();
        assertThat(search.selected()).isEmpty();
        assertThat(search.emptyTextProperty().get()).isEqualTo("No contact matches \u201cnobody-has-this\u201d.");
    }

    @Test
    void anAnswerThatArrivesAfterANewerQueryIsDropped() {
        TestExecutor executor = TestExecutor.currentThread().holdWork();
        ContactSearchViewModel search = new ContactSearchViewModel(executor, messages);
        search.connect(services.contacts());
        executor.runHeldWork();

        search.queryProperty().set("a");
        search.queryProperty().set("dana");
        assertThat(executor.heldWork()).isEqualTo(2);
        assertThat(search.searchingProperty().get()).isTrue();

        executor.runHeldWorkNewestFirst();

        assertThat(search.results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
        assertThat(search.searchingProperty().get()).isFalse();
    }

    @Test
    void keystrokesInQuickSuccessionRunOneSearch() {
        TestExecutor executor = TestExecutor.currentThread().holdTimers();
        ContactSearchViewModel search = new ContactSearchViewModel(executor, messages);
        search.connect(services.contacts());
        int before = executor.submitted();

        for (String typed : new String[] {"d", "da", "dan", "dana"}) {
            search.queryProperty().set(typed);
        }
        assertThat(executor.submitted()).isEqualTo(before);
        executor.elapseTimers();

        assertThat(executor.submitted()).isEqualTo(before + 1);
        assertThat(search.results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
    }

    @Test
    void arrowsMoveTheSelectionWithinTheList() {
        ContactSearchViewModel search = new ContactSearchViewModel(TestExecutor.currentThread(), messages);
        search.connect(services.contacts());
        search.queryProperty().set("example.net");
        assertThat(search.results()).hasSizeGreaterThan(2);

        search.selectPrevious();
        assertThat(search.selected()).contains(search.results().get(0));
        search.selectNext();
        search.selectNext();
        assertThat(search.selected()).contains(search.results().get(2));
        for (int i = 0; i < 100; i++) {
            search.selectNext();
        }
        assertThat(search.selected()).contains(search.results().get(search.results().size() - 1));
    }

    @Test
    void aSelectionStillInTheNewListIsKept() {
        ContactSearchViewModel search = new ContactSearchViewModel(TestExecutor.currentThread(), messages);
        search.connect(services.contacts());
        search.queryProperty().set("whit");
        ContactRow dana = search.selected().orElseThrow();

        search.queryProperty().set("");
        assertThat(search.selected()).contains(dana);

        search.clearQuery();
        assertThat(search.queryProperty().get()).isEmpty();
    }

    @Test
    void nothingIsSearchedBeforeTheDatabaseIsOpen() {
        TestExecutor executor = TestExecutor.currentThread();
        ContactSearchViewModel search = new ContactSearchViewModel(executor, messages);

        search.queryProperty().set("dana");

        assertThat(executor.submitted()).isZero();
        assertThat(search.results()).isEmpty();
        search.connect(services.contacts());
        assertThat(search.results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
    }
}
