package org.memberdesk.ui.viewmodel.mail;

import java.time.Duration;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.email.BounceCheck;
import org.memberdesk.service.email.BounceMailboxForm;
import org.memberdesk.service.email.BounceMailboxView;
import org.memberdesk.service.email.EmailService;
import org.memberdesk.service.email.MailSecurity;
import org.memberdesk.service.email.MailSettingsService;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * The bounce mailbox section of Settings → Email: the IMAP mailbox delivery status reports arrive
 * in, saved, removed or read now on its own, apart from the SMTP form. The password is never
 * read back: the field stays empty, and an empty field keeps the stored one.
 */
public final class BounceMailboxViewModel {

    private final MailSettingsService settings;
    private final EmailService emails;
    private final Messages messages;
    private final Actor agent;
    private final Command call;

    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final ObjectProperty<SecurityChoice> security = new SimpleObjectProperty<>(this, "security");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty pollMinutes = new SimpleStringProperty(this, "pollMinutes", "");
    private final ObservableList<SecurityChoice> securityChoices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper configured = new ReadOnlyBooleanWrapper(this, "configured");
    private final ReadOnlyBooleanWrapper passwordStored = new ReadOnlyBooleanWrapper(this, "passwordStored");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyObjectWrapper<Tone> outcomeTone = new ReadOnlyObjectWrapper<>(this, "outcomeTone",
            Tone.NEUTRAL);

    public BounceMailboxViewModel(MailSettingsService settings, EmailService emails, BackgroundExecutor executor,
                                  Messages messages, Actor agent) {
        this.settings = settings;
        this.emails = emails;
        this.messages = messages;
        this.agent = agent;
        this.call = new Command(executor, failure -> show(Failures.describe(failure, messages), Tone.BAD));
        for (MailSecurity s : new MailSecurity[] {MailSecurity.SSL, MailSecurity.STARTTLS, MailSecurity.NONE}) {
            securityChoices.add(new SecurityChoice(s, messages.get("bounces.security." + s.code())));
        }
        security.set(securityChoices.get(0));
    }

    public void load() {
        call.run(settings::bounceMailbox, this::fill);
    }

    /** Saves the mailbox; the service checks every field and says what is wrong. */
    public void save() {
        Integer portNumber;
        Duration poll;
        try {
            portNumber = port.get() == null || port.get().isBlank() ? null : Integer.valueOf(port.get().strip());
            poll = pollMinutes.get() == null || pollMinutes.get().isBlank() ? null
                    : Duration.ofMinutes(Long.parseLong(pollMinutes.get().strip()));
        } catch (NumberFormatException e) {
            show(messages.get("bounces.notANumber"), Tone.BAD);
            return;
        }
        String typed = password.get() == null || password.get().isEmpty() ? null : password.get();
        BounceMailboxForm form = new BounceMailboxForm(host.get(), portNumber,
                security.get() == null ? null : security.get().security().code(), user.get(), typed, poll);
        call.run(() -> settings.saveBounceMailbox(form, agent), view -> {
            fill(view);
            show(messages.get("bounces.saved"), Tone.GOOD);
        });
    }

    /** Forgets the mailbox: nothing is read any more. */
    public void remove() {
        call.run(() -> settings.clearBounceMailbox(agent), view -> {
            fill(view);
            show(messages.get("bounces.removed"), Tone.NEUTRAL);
        });
    }

    /** Reads the mailbox now and says what it found. */
    public void checkNow() {
        call.run(emails::checkBounces, this::checked);
    }

    private void checked(BounceCheck check) {
        if (!check.configured()) {
            show(messages.get("bounces.none"), Tone.NEUTRAL);
            return;
        }
        show(messages.get("bounces.checked", check.reports(), check.bounced(), check.delayed(), check.unmatched()),
                check.bounced() > 0 ? Tone.CAUTION : Tone.GOOD);
    }

    private void fill(BounceMailboxView view) {
        configured.set(view.configured());
        passwordStored.set(view.passwordSet());
        host.set(view.host() == null ? "" : view.host());
        port.set(view.port() == null ? "" : view.port().toString());
        user.set(view.user() == null ? "" : view.user());
        password.set("");
        pollMinutes.set(view.configured() ? Long.toString(Math.max(1, view.pollInterval().toMinutes())) : "");
        if (view.security() != null) {
            securityChoices.stream().filter(c -> c.security() == view.security()).findFirst().ifPresent(security::set);
        }
        if (!view.warnings().isEmpty()) {
            show(String.join(" ", view.warnings()), Tone.CAUTION);
        }
    }

    private void show(String text, Tone tone) {
        outcome.set(text);
        outcomeTone.set(tone);
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<SecurityChoice> securityProperty() {
        return security;
    }

    public ObservableList<SecurityChoice> securityChoices() {
        return securityChoices;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Minutes between two reads; empty: every 5 minutes. */
    public StringProperty pollMinutesProperty() {
        return pollMinutes;
    }

    public ReadOnlyBooleanProperty configuredProperty() {
        return configured.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passwordStoredProperty() {
        return passwordStored.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return call.runningProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> outcomeToneProperty() {
        return outcomeTone.getReadOnlyProperty();
    }
}
