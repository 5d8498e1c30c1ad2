package org.memberdesk.ui.view.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the contact window's preparation loads in the background exists, so none of it is skipped. */
class ContactWindowWarmupTest {

    @Test
    void everyListedClassLoads() {
        assertThat(ContactWindowWarmup.classNames()).hasSizeGreaterThan(100)
                .contains(ContactView.class.getName(), EmailHistoryView.class.getName(),
                        "com.sun.webkit.WebPage");

        assertThat(ContactWindowWarmup.loadClasses(getClass().getClassLoader()))
                .isEqualTo(ContactWindowWarmup.classNames().size());
    }
}
