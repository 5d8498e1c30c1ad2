package org.memberdesk.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.ui.common.Messages;

/** What a form says when its save is refused over a change made meanwhile, whoever made it. */
class ChangedMeanwhileStateTest {

    final Messages messages = Messages.load(Locale.ENGLISH);
    final DisplayTime time = new DisplayTime(ZoneOffset.UTC, Locale.ENGLISH);
    final Instant at = Instant.parse("2026-03-04T10:42:00Z");
    final ChangedMeanwhileState password = new ChangedMeanwhileState(messages, time, "meanwhile.password",
            "meanwhile.password.notSaved");

    @Test
    void theContactsOwnChangeIsSelfServiceForAnyPasswordNotTheClientPortal() {
        String text = password.failed(new UserError.ChangedMeanwhile("dana@example.com",
                AuditLog.Origin.SELF_SERVICE, at));

        assertThat(text).startsWith("The password was changed by the contact themselves")
                .contains(time.format(at)).doesNotContain("Client Portal");
        assertThat(password.property().get()).isTrue();
    }

    @Test
    void anUnrecordedChangeIsSomeoneElseNotADeskOrProcess() {
        String text = new ChangedMeanwhileState(messages, time, "meanwhile.contact", "meanwhile.keepsTyped")
                .failed(new UserError.ChangedMeanwhile(null, null, at));

        assertThat(text).startsWith("This contact was changed by someone else (another console or a command-line"
                + " tool) at " + time.format(at) + " meanwhile.").doesNotContain("desk or process")
                .doesNotContain(at.toString());
    }

    @Test
    void anyOtherFailureSaysWhatItSaysAndOffersNoReload() {
        password.failed(new UserError.ChangedMeanwhile("Bob", AuditLog.Origin.AGENT, at));

        assertThat(password.failed(new UserError("too short"))).isEqualTo("too short");
        assertThat(password.property().get()).isFalse();
        password.failed(new UserError.ChangedMeanwhile("Bob", AuditLog.Origin.AGENT, at));
        password.succeeded();
        assertThat(password.property().get()).isFalse();
    }
}
