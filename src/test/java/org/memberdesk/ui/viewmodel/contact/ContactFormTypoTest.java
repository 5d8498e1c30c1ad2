package org.memberdesk.ui.viewmodel.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.testsupport.ServicesCase;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;

/** The contact form's typo warning, without a window: it follows the field, and a warning never stops a save. */
class ContactFormTypoTest extends ServicesCase {

    final Messages messages = Messages.load();
    final List<ContactSummary> saved = new ArrayList<>();

    private ContactFormViewModel newContactForm() {
        return ContactFormViewModel.create(services.contacts(), TestExecutor.currentThread(), messages,
                Actor.agent("Sam (support)"), saved::add);
    }

    @Test
    void theWarningFollowsWhatIsTypedAndOneCallTakesTheSuggestion() {
        ContactFormViewModel form = newContactForm();
        assertThat(form.emailWarning().get()).isEmpty();

        form.emailProperty().set("robin@gmial.co");
        assertThat(form.emailWarning().get()).isEqualTo("gmial.co looks like a typo of gmail.com."
                + " It can be saved as typed.");
        assertThat(form.suggestedEmail().get()).isEqualTo("robin@gmail.com");
        assertThat(form.useSuggestionText().get()).isEqualTo("Use robin@gmail.com");

        form.emailProperty().set("robin at gmial.com");
        assertThat(form.emailWarning().get()).as("an error, not a warning").isEmpty();
        form.emailProperty().set("robin@ymail.com");
        assertThat(form.emailWarning().get()).isEmpty();
        form.useSuggestion();
        assertThat(form.emailProperty().get()).as("nothing to take").isEqualTo("robin@ymail.com");

        form.emailProperty().set("robin@hotmial.com");
        form.useSuggestion();
        assertThat(form.emailProperty().get()).isEqualTo("robin@hotmail.com");
        assertThat(form.emailWarning().get()).isEmpty();
    }

    @Test
    void aWarnedAddressIsSavedAsTyped() {
        ContactFormViewModel form = newContactForm();
        form.nameProperty().set("Robin");
        form.emailProperty().set("robin@gmial.com");

        form.save();

        assertThat(saved).singleElement().extracting(ContactSummary::email).isEqualTo("robin@gmial.com");
    }
}
