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
    final ContactList list = new ContactList();
    Services services;

    @BeforeEach
    void seed() {
        services = DemoDirectory.seeded(dir, clock);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private ContactSearchViewModel search(TestExecutor executor) {
        ContactSearchViewModel search = new ContactSearchViewModel(services.contacts(), list, executor, messages);
        search.refresh();
        return search;
    }

    @Test
    void typingNarrowsTheListAndSelectsTheFirstMatch() {
        search(TestExecutor.currentThread());
        assertThat(list.results()).hasSizeGreaterThan(40);

        list.queryProperty().set("example.org");
        assertThat(list.results()).isNotEmpty().allMatch(row -> row.email().endsWith("@example.org"));

        list.queryProperty().set("dana");
        assertThat(list.results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
        assertThat(list.results().get(0).tags()).isEqualTo("cant-login, vip");
        assertThat(list.selected()).map(ContactRow::name).contains("Dana Whitfield");

        list.queryProperty().set("nobody-has-this");
        assertThat(list.results()).isEmpty();
        assertThat(list.selected()).isEmpty();
        assertThat(list.emptyTextProperty().get()).isEqualTo("No contact matches \u201cnobody-has-this\u201d.");
    }

    @Test
    void anAnswerThatArrivesAfterANewerQueryIsDropped() {
        TestExecutor executor = TestExecutor.currentThread().holdWork();
        ContactSearchViewModel search = search(executor);
        executor.runHeldWork();

        list.queryProperty().set("a");
        list.queryProperty().set("dana");
        assertThat(executor.heldWork()).isEqualTo(2);
        assertThat(search.searchingProperty().get()).isTrue();

        executor.runHeldWorkNewestFirst();

        assertThat(list.results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
        assertThat(search.searchingProperty().get()).isFalse();
    }

    @Test
    void keystrokesInQuickSuccessionRunOneSearch() {
        TestExecutor executor = TestExecutor.currentThread().holdTimers();
        search(executor);
        int before = executor.submitted();

        for (String typed : new String[] {"d", "da", "dan", "dana"}) {
            list.queryProperty().set(typed);
        }
        assertThat(executor.submitted()).isEqualTo(before);
        executor.elapseTimers();

        assertThat(executor.submitted()).isEqualTo(before + 1);
        assertThat(list.results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
    }

    @Test
    void arrowsMoveTheSelectionWithinTheList() {
        search(TestExecutor.currentThread());
        list.queryProperty().set("example.net");
        assertThat(list.results()).hasSizeGreaterThan(2);

        list.selectPrevious();
        assertThat(list.selected()).contains(list.results().get(0));
        list.selectNext();
        list.selectNext();
        assertThat(list.selected()).contains(list.results().get(2));
        for (int i = 0; i < 100; i++) {
            list.selectNext();
        }
        assertThat(list.selected()).contains(list.results().get(list.results().size() - 1));
    }

    @Test
    void aSelectionStillInTheNewListIsKept() {
        search(TestExecutor.currentThread());
        list.queryProperty().set("whit");
        ContactRow dana = list.selected().orElseThrow();

        list.queryProperty().set("");
        assertThat(list.selected()).contains(dana);

        list.clearQuery();
        assertThat(list.queryProperty().get()).isEmpty();
    }

    @Test
    void nothingIsSearchedBeforeTheDatabaseIsOpen() {
        TestExecutor executor = TestExecutor.currentThread();

        list.queryProperty().set("dana");

        assertThat(executor.submitted()).isZero();
        assertThat(list.results()).isEmpty();
        search(executor);
        assertThat(list.results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
    }
}
