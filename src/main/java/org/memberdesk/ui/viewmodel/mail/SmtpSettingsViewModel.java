package org.memberdesk.ui.viewmodel.mail;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.email.MailSecurity;
import org.memberdesk.service.email.MailSettingsService;
import org.memberdesk.service.email.MailSettingsView;
import org.memberdesk.service.email.SettingSource;
import org.memberdesk.service.email.SmtpSettingsForm;
import org.memberdesk.service.email.TestEmailResult;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.ChangedMeanwhileState;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * The Email (SMTP) settings dialog: the form and its checks, the fields the environment sets
 * (read-only), Save, Send test email with the server's own reply, the portal URL that links in
 * emails use, and the warnings of the settings in effect. Every call runs in the background while
 * the dialog shows it is busy.
 */
public final class SmtpSettingsViewModel {

    /** The fields of the form, for which of them the environment sets. */
    public enum Field {
        HOST("host", "MEMBERDESK_SMTP_HOST"),
        PORT("port", "MEMBERDESK_SMTP_PORT"),
        SECURITY("security", "MEMBERDESK_SMTP_SECURITY"),
        FROM("from", "MEMBERDESK_SMTP_FROM"),
        USER("user", "MEMBERDESK_SMTP_USER"),
        PASSWORD("password", "MEMBERDESK_SMTP_PASSWORD"),
        PORTAL_URL("portalUrl", "MEMBERDESK_PORTAL_URL");

        private final String code;
        private final String variable;

        Field(String code, String variable) {
            this.code = code;
            this.variable = variable;
        }

        /** The environment variable that sets this field. */
        public String variable() {
            return variable;
        }
    }

    private final MailSettingsService settings;
    private final DialogService dialogs;
    private final Messages messages;
    private final Actor agent;
    private final Runnable onChanged;

    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final ObjectProperty<SecurityChoice> security = new SimpleObjectProperty<>(this, "security");
    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty removePassword = new SimpleBooleanProperty(this, "removePassword");
    private final StringProperty portalUrl = new SimpleStringProperty(this, "portalUrl", "");
    private final StringProperty testRecipient = new SimpleStringProperty(this, "testRecipient", "");
    private final ObservableList<SecurityChoice> securityChoices = FXCollections.observableArrayList();
    private final BounceMailboxViewModel bounceMailbox;

    private final Map<Field, ReadOnlyBooleanWrapper> fromEnvironment = new EnumMap<>(Field.class);
    private final ReadOnlyBooleanWrapper passwordStored = new ReadOnlyBooleanWrapper(this, "passwordStored");
    private final ReadOnlyBooleanWrapper smtpConfigured = new ReadOnlyBooleanWrapper(this, "smtpConfigured");
    private final ReadOnlyBooleanWrapper smtpStored = new ReadOnlyBooleanWrapper(this, "smtpStored");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final Command call;
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyStringWrapper modeText = new ReadOnlyStringWrapper(this, "modeText", "");
    private final ReadOnlyStringWrapper environmentNote = new ReadOnlyStringWrapper(this, "environmentNote", "");
    private final ReadOnlyStringWrapper portalUrlNote = new ReadOnlyStringWrapper(this, "portalUrlNote", "");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyObjectWrapper<Tone> outcomeTone = new ReadOnlyObjectWrapper<>(this, "outcomeTone", Tone.NEUTRAL);
    private final ReadOnlyStringWrapper testOutcome = new ReadOnlyStringWrapper(this, "testOutcome", "");
    private final ReadOnlyStringWrapper testReply = new ReadOnlyStringWrapper(this, "testReply", "");
    private final ReadOnlyObjectWrapper<Tone> testTone = new ReadOnlyObjectWrapper<>(this, "testTone", Tone.NEUTRAL);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");

    private final StringBinding hostError;
    private final StringBinding portError;
    private final StringBinding fromError;
    private final StringBinding portalUrlError;
    private final StringBinding testRecipientError;
    private final StringBinding portPrompt;
    private final StringBinding passwordPrompt;
    private final BooleanBinding valid;
    private final BooleanBinding canSave;
    private final BooleanBinding canSendTest;

    private final ChangedMeanwhileState meanwhile;

    private Snapshot saved = Snapshot.EMPTY;
    private String version;

    /**
     * Saving over a change made since the form was loaded (by another desk, the command line) is
     * refused, saying who made it and when ({@code time}: the agent's local time), and the form
     * keeps what was typed until {@link #reload()}.
     */
    public SmtpSettingsViewModel(MailSettingsService settings, BackgroundExecutor executor, DialogService dialogs,
                                 Messages messages, DisplayTime time, Actor agent, Runnable onChanged) {
        this(settings, executor, dialogs, messages, time, agent, onChanged, null);
    }

    /** With the bounce mailbox section ({@code bounceMailbox}; null: the form has none). */
    public SmtpSettingsViewModel(MailSettingsService settings, BackgroundExecutor executor, DialogService dialogs,
                                 Messages messages, DisplayTime time, Actor agent, Runnable onChanged,
                                 BounceMailboxViewModel bounceMailbox) {
        this.bounceMailbox = bounceMailbox;
        this.settings = settings;
        this.meanwhile = new ChangedMeanwhileState(messages, time, "meanwhile.settings", "meanwhile.keepsTyped");
        this.call = new Command(executor, failure -> {
            busyText.set("");
            showOutcome(meanwhile.failed(failure), Tone.BAD);
        });
        this.dialogs = dialogs;
        this.messages = messages;
        this.agent = agent;
        this.onChanged = onChanged;
        for (Field field : Field.values()) {
            fromEnvironment.put(field, new ReadOnlyBooleanWrapper(this, field.code + "FromEnvironment"));
        }
        for (MailSecurity s : MailSecurity.values()) {
            securityChoices.add(new SecurityChoice(s, messages.get("smtp.security." + s.code())));
        }
        security.set(choice(MailSecurity.STARTTLS));
        security.addListener((o, before, now) -> followUsualPort(before, now));

        hostError = error(() -> SmtpFormRules.host(host.get(), hostRequired()), host, from, user, password, port,
                smtpConfigured, fromEnvironment.get(Field.HOST));
        portError = error(() -> SmtpFormRules.port(port.get()), port);
        fromError = error(() -> SmtpFormRules.from(from.get()), from);
        portalUrlError = error(() -> SmtpFormRules.portalUrl(portalUrl.get()), portalUrl);
        testRecipientError = error(() -> SmtpFormRules.recipient(testRecipient.get()), testRecipient);
        portPrompt = Bindings.createStringBinding(() -> security.get() == null ? ""
                : messages.get("smtp.port.prompt", String.valueOf(security.get().usualPort())), security);
        passwordPrompt = Bindings.createStringBinding(() -> fromEnvironment.get(Field.PASSWORD).get()
                        ? messages.get("smtp.password.fromEnvironment")
                        : passwordStored.get() ? messages.get("smtp.password.keep") : messages.get("smtp.password.none"),
                passwordStored, fromEnvironment.get(Field.PASSWORD));
        valid = hostError.isEmpty().and(portError.isEmpty()).and(fromError.isEmpty()).and(portalUrlError.isEmpty());
        canSave = valid.and(dirty).and(call.runningProperty().not()).and(loaded);
        canSendTest = testRecipientError.isEmpty().and(dirty.not()).and(call.runningProperty().not()).and(loaded);

        List<Observable> form = List.of(host, port, security, from, user, password, removePassword, portalUrl);
        form.forEach(field -> field.addListener(o -> dirty.set(!Snapshot.of(this).equals(saved))));
        removePassword.addListener((o, before, now) -> {
            if (now) {
                password.set("");
            }
        });
    }

    /** After a refused save: the settings as they are now replace what was typed. */
    public void reload() {
        load();
    }

    /** True after a save was refused because someone changed the settings since they were loaded: Reload is offered. */
    public ReadOnlyBooleanProperty changedMeanwhileProperty() {
        return meanwhile.property();
    }

    /** Reads the settings in effect. */
    public void load() {
        if (bounceMailbox != null) {
            bounceMailbox.load();
        }
        run(messages.get("smtp.busy.loading"), settings::view, view -> {
            fill(view);
            loaded.set(true);
        });
    }

    /** Saves what changed: the SMTP server, the portal URL, or both. Nothing is sent while a field is wrong. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        boolean smtpChanged = !Snapshot.of(this).sameSmtp(saved) && !allSmtpFromEnvironment();
        boolean smtpWanted = !SmtpFormRules.trim(host.get()).isEmpty();
        boolean portalChanged = !SmtpFormRules.trim(portalUrl.get()).equals(saved.portalUrl())
                && !isFromEnvironment(Field.PORTAL_URL);
        SmtpSettingsForm form = form();
        String url = SmtpFormRules.trim(portalUrl.get());
        String seen = version;
        boolean saveSmtp = smtpChanged && smtpWanted;
        run(messages.get("smtp.busy.saving"), () -> saveSmtp || portalChanged
                ? settings.saveForm(saveSmtp ? form : null, portalChanged ? url : null, seen, agent)
                : settings.view(), view -> {
            fill(view);
            showOutcome(view.demoMode() ? messages.get("smtp.saved.demo")
                    : messages.get("smtp.saved", describe(view)), Tone.GOOD);
            onChanged.run();
        });
    }

    /** Sends a test email with the saved settings and shows the server's own reply. */
    public void sendTestEmail() {
        if (!canSendTest.get()) {
            return;
        }
        String to = SmtpFormRules.trim(testRecipient.get());
        testOutcome.set("");
        testReply.set("");
        run(messages.get("smtp.busy.testing", to), () -> settings.sendTestEmail(to), this::showTest);
    }

    /** Forgets the stored SMTP server, after asking: email goes to the demo inbox again. */
    public void removeSmtpSettings() {
        if (call.isRunning() || !dialogs.confirm(messages.get("smtp.remove.title"), messages.get("smtp.remove.question"),
                messages.get("smtp.remove.details"), messages.get("smtp.remove.accept"),
                messages.get("smtp.remove.decline"))) {
            return;
        }
        String seen = version;
        run(messages.get("smtp.busy.saving"), () -> settings.clear(seen, agent), view -> {
            fill(view);
            showOutcome(view.demoMode() ? messages.get("smtp.removed.demo") : messages.get("smtp.removed.environment"),
                    Tone.GOOD);
            onChanged.run();
        });
    }

    private void showTest(TestEmailResult result) {
        String to = SmtpFormRules.trim(testRecipient.get());
        if (result.sent()) {
            testOutcome.set(result.demoMode() ? messages.get("smtp.test.sentDemo", to) : messages.get("smtp.test.sent", to));
            testTone.set(Tone.GOOD);
        } else {
            testOutcome.set(messages.get("smtp.test.failed"));
            testTone.set(Tone.BAD);
        }
        testReply.set(result.reply() == null || result.reply().isBlank() ? "" : result.reply());
    }

    private <T> void run(String what, Callable<T> work, Consumer<T> done) {
        if (call.isRunning()) {
            return;
        }
        busyText.set(what);
        outcome.set("");
        call.run(work, result -> {
            busyText.set("");
            meanwhile.succeeded();
            done.accept(result);
        });
    }

    private void showOutcome(String text, Tone tone) {
        outcome.set(text);
        outcomeTone.set(tone);
    }

    private void fill(MailSettingsView view) {
        for (Field field : Field.values()) {
            fromEnvironment.get(field).set(field == Field.PORTAL_URL
                    ? view.portalUrlSource() == SettingSource.ENVIRONMENT
                    : view.fromEnvironment().contains(field.code));
        }
        smtpConfigured.set(!view.demoMode());
        // Configured, and not every field of it from the environment: something is stored.
        smtpStored.set(!view.demoMode() && !(view.fromEnvironment().contains("host")
                && view.fromEnvironment().containsAll(List.of("port", "security", "from", "user"))));
        passwordStored.set(view.passwordSet());
        security.set(choice(view.security() == null ? MailSecurity.STARTTLS : view.security()));
        host.set(orEmpty(view.host()));
        port.set(view.port() == null ? "" : String.valueOf(view.port()));
        from.set(orEmpty(view.from()));
        user.set(orEmpty(view.user()));
        password.set("");
        removePassword.set(false);
        portalUrl.set(view.portalUrlSource() == SettingSource.DEFAULT ? "" : orEmpty(view.portalUrl()));
        portalUrlNote.set(messages.get("smtp.portalUrl.source." + view.portalUrlSource().code(),
                orEmpty(view.portalUrl())));
        warnings.setAll(view.warnings());
        modeText.set(view.demoMode() ? messages.get("smtp.mode.demo") : messages.get("smtp.mode.smtp", describe(view)));
        List<String> variables = List.of(Field.values()).stream().filter(this::isFromEnvironment)
                .map(Field::variable).toList();
        environmentNote.set(variables.isEmpty() ? "" : messages.get("smtp.environment.note", String.join(", ", variables)));
        saved = Snapshot.of(this);
        version = view.version();
        dirty.set(false);
    }

    private String describe(MailSettingsView view) {
        SecurityChoice choice = choice(view.security() == null ? MailSecurity.STARTTLS : view.security());
        return messages.get("smtp.server", orEmpty(view.host()), view.port() == null ? "" : String.valueOf(view.port()),
                choice.label());
    }

    private SmtpSettingsForm form() {
        String secret = removePassword.get() ? "" : password.get() == null || password.get().isEmpty() ? null
                : password.get();
        if (isFromEnvironment(Field.PASSWORD)) {
            secret = null;
        }
        return new SmtpSettingsForm(SmtpFormRules.trim(host.get()), SmtpFormRules.portNumber(port.get()),
                security.get() == null ? null : security.get().security().code(), blankToNull(from.get()), blankToNull(user.get()),
                secret);
    }

    private boolean hostRequired() {
        if (isFromEnvironment(Field.HOST)) {
            return false;
        }
        // In demo mode an empty form keeps demo mode (only the portal URL may be saved); anything
        // typed into the SMTP fields, or a server configured before, needs a host.
        return smtpConfigured.get() || !SmtpFormRules.trim(user.get()).isEmpty()
                || !SmtpFormRules.trim(from.get()).isEmpty() || !SmtpFormRules.trim(port.get()).isEmpty()
                || !(password.get() == null || password.get().isEmpty());
    }

    private boolean allSmtpFromEnvironment() {
        return List.of(Field.HOST, Field.PORT, Field.SECURITY, Field.FROM, Field.USER, Field.PASSWORD).stream()
                .allMatch(this::isFromEnvironment);
    }

    private void followUsualPort(SecurityChoice before, SecurityChoice now) {
        if (before != null && now != null && String.valueOf(before.usualPort()).equals(SmtpFormRules.trim(port.get()))
                && !isFromEnvironment(Field.PORT)) {
            port.set(String.valueOf(now.usualPort()));
        }
    }

    private SecurityChoice choice(MailSecurity security) {
        return securityChoices.stream().filter(c -> c.security() == security).findFirst().orElseThrow();
    }

    private boolean isFromEnvironment(Field field) {
        return fromEnvironment.get(field).get();
    }

    private StringBinding error(Callable<String> rule, Observable... dependencies) {
        return Bindings.createStringBinding(() -> {
            String key = rule.call();
            return key == null ? "" : messages.get(key);
        }, dependencies);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The form as last loaded or saved, to tell whether it changed since. */
    private record Snapshot(String host, String port, MailSecurity security, String from, String user,
                            boolean password, String portalUrl) {
        static final Snapshot EMPTY = new Snapshot("", "", MailSecurity.STARTTLS, "", "", false, "");

        static Snapshot of(SmtpSettingsViewModel m) {
            boolean passwordChange = m.removePassword.get() || !(m.password.get() == null || m.password.get().isEmpty());
            return new Snapshot(SmtpFormRules.trim(m.host.get()), SmtpFormRules.trim(m.port.get()),
                    m.security.get() == null ? null : m.security.get().security(), SmtpFormRules.trim(m.from.get()),
                    SmtpFormRules.trim(m.user.get()), passwordChange, SmtpFormRules.trim(m.portalUrl.get()));
        }

        boolean sameSmtp(Snapshot other) {
            return host.equals(other.host) && port.equals(other.port) && security == other.security
                    && from.equals(other.from) && user.equals(other.user) && password == other.password;
        }
    }

    // ---- properties ----

    public StringProperty hostProperty() {
        return host;
    }

    /** Empty means the usual port of the security. */
    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<SecurityChoice> securityProperty() {
        return security;
    }

    /** The bounce mailbox section, or null when the form has none. */
    public BounceMailboxViewModel bounceMailbox() {
        return bounceMailbox;
    }

    public ObservableList<SecurityChoice> securityChoices() {
        return securityChoices;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** A new password; empty keeps the stored one. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** Remove the stored password on Save. */
    public BooleanProperty removePasswordProperty() {
        return removePassword;
    }

    /** The public base URL links in emails use; empty removes the setting. */
    public StringProperty portalUrlProperty() {
        return portalUrl;
    }

    public StringProperty testRecipientProperty() {
        return testRecipient;
    }

    /** True when an environment variable sets the field: the form shows it read-only. */
    public ReadOnlyBooleanProperty fromEnvironmentProperty(Field field) {
        return fromEnvironment.get(field).getReadOnlyProperty();
    }

    /** An SMTP server is configured (stored or from the environment): not demo mode. */
    public ReadOnlyBooleanProperty smtpConfiguredProperty() {
        return smtpConfigured.getReadOnlyProperty();
    }

    /** Some SMTP setting is stored here (not only in the environment): Remove has something to remove. */
    public ReadOnlyBooleanProperty smtpStoredProperty() {
        return smtpStored.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passwordStoredProperty() {
        return passwordStored.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return call.runningProperty();
    }

    /** What the dialog is doing ("Sending test email…"), or empty. */
    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /** Demo mode, or which server email goes to. */
    public ReadOnlyStringProperty modeTextProperty() {
        return modeText.getReadOnlyProperty();
    }

    /** Which environment variables set fields, or empty. */
    public ReadOnlyStringProperty environmentNoteProperty() {
        return environmentNote.getReadOnlyProperty();
    }

    /** Where the portal URL in effect comes from. */
    public ReadOnlyStringProperty portalUrlNoteProperty() {
        return portalUrlNote.getReadOnlyProperty();
    }

    public ObservableList<String> warnings() {
        return warningsView;
    }

    /** The outcome of Save, Remove or a failed call, or empty. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> outcomeToneProperty() {
        return outcomeTone.getReadOnlyProperty();
    }

    /** The outcome of the last test email, or empty. */
    public ReadOnlyStringProperty testOutcomeProperty() {
        return testOutcome.getReadOnlyProperty();
    }

    /** The server's own reply to the last test email, or empty. */
    public ReadOnlyStringProperty testReplyProperty() {
        return testReply.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> testToneProperty() {
        return testTone.getReadOnlyProperty();
    }

    /** The form differs from the settings in effect. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ObservableStringValue hostError() {
        return hostError;
    }

    public ObservableStringValue portError() {
        return portError;
    }

    public ObservableStringValue fromError() {
        return fromError;
    }

    public ObservableStringValue portalUrlError() {
        return portalUrlError;
    }

    public ObservableStringValue testRecipientError() {
        return testRecipientError;
    }

    /** "Usually 587", following the security. */
    public ObservableStringValue portPrompt() {
        return portPrompt;
    }

    public ObservableStringValue passwordPrompt() {
        return passwordPrompt;
    }

    public ObservableBooleanValue valid() {
        return valid;
    }

    public ObservableBooleanValue canSave() {
        return canSave;
    }

    public ObservableBooleanValue canSendTest() {
        return canSendTest;
    }
}
