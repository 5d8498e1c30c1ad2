package org.memberdesk.ui.viewmodel.mail;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.email.EmailPreview;
import org.memberdesk.service.email.EmailTemplates;
import org.memberdesk.service.email.TemplateDraft;
import org.memberdesk.service.email.TemplateView;
import org.memberdesk.service.offers.OfferService;
import org.memberdesk.service.offers.OfferView;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * Settings → Emails: choose an email kind (and, for the welcomes, an offer), edit its subject, text
 * and HTML with its variables listed, see it rendered for a chosen contact as the text changes,
 * Save (refused with the reason) and Reset to default.
 */
public final class EmailTemplatesViewModel {

    /** What the editor works with besides the back end. */
    public record Tools(BackgroundExecutor executor, Messages messages, Actor agent) {
    }

    /** The offer choice meaning "the default for every offer". */
    public static final String EVERY_OFFER = "";

    private final EmailTemplates templates;
    private final OfferService offers;
    private final Tools tools;

    private final ObservableList<TemplateKindChoice> kinds = FXCollections.observableArrayList(
            EmailTemplates.kinds().stream().map(k -> new TemplateKindChoice(k.code(), k.description(), k.perOffer(),
                    k.variables())).toList());
    private final ObjectProperty<TemplateKindChoice> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObservableList<String> offerChoices = FXCollections.observableArrayList(EVERY_OFFER);
    private final StringProperty offer = new SimpleStringProperty(this, "offer", EVERY_OFFER);
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty html = new SimpleStringProperty(this, "html", "");
    private final StringProperty previewContact = new SimpleStringProperty(this, "previewContact", "");
    private final ObservableList<String> variables = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sources = new ReadOnlyStringWrapper(this, "sources", "");
    private final ReadOnlyStringWrapper previewSubject = new ReadOnlyStringWrapper(this, "previewSubject", "");
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper(this, "previewText", "");
    private final ReadOnlyStringWrapper previewHtml = new ReadOnlyStringWrapper(this, "previewHtml", "");
    private final ReadOnlyStringWrapper previewProblem = new ReadOnlyStringWrapper(this, "previewProblem", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyObjectWrapper<Tone> outcomeTone = new ReadOnlyObjectWrapper<>(this, "outcomeTone",
            Tone.NEUTRAL);
    private final Command read;
    private final Command save;
    private final Command reset;
    private final Command preview;
    private final BooleanBinding offerAllowed;
    private boolean filling;
    private boolean previewAgain;

    public EmailTemplatesViewModel(EmailTemplates templates, OfferService offers, Tools tools) {
        this.templates = templates;
        this.offers = offers;
        this.tools = tools;
        this.read = new Command(tools.executor(), this::failed);
        ObservableBooleanValue kindChosen = Bindings.createBooleanBinding(() -> kind.get() != null, kind);
        this.save = new Command(tools.executor(), kindChosen, this::failed);
        this.reset = new Command(tools.executor(), kindChosen, this::failed);
        this.preview = new Command(tools.executor(), failure -> {
            previewProblem.set(Failures.describe(failure, tools.messages()));
            previewAgainIfAsked();
        });
        this.offerAllowed = Bindings.createBooleanBinding(() -> kind.get() != null && kind.get().perOffer(), kind);
        kind.addListener((o, before, now) -> {
            if (now != null && !now.perOffer()) {
                offer.set(EVERY_OFFER);
            }
            show();
        });
        offer.addListener((o, before, now) -> show());
        subject.addListener((o, before, now) -> edited());
        text.addListener((o, before, now) -> edited());
        html.addListener((o, before, now) -> edited());
        previewContact.addListener((o, before, now) -> preview());
    }

    /** Reads the offers, then shows the first kind. */
    public void load() {
        read.run(offers::list, list -> {
            List<String> names = new ArrayList<>();
            names.add(EVERY_OFFER);
            list.stream().map(OfferView::name).forEach(names::add);
            offerChoices.setAll(names);
            if (kind.get() == null) {
                kind.set(kinds.get(0));
            } else {
                show();
            }
        });
    }

    private void show() {
        TemplateKindChoice chosen = kind.get();
        if (chosen == null) {
            return;
        }
        variables.setAll(chosen.variables().stream().map(v -> "{{" + v + "}}").toList());
        String forOffer = offer.get();
        read.run(() -> templates.show(chosen.code(), forOffer), this::fill);
    }

    private void fill(TemplateView view) {
        filling = true;
        try {
            subject.set(view.subject());
            text.set(view.text());
            html.set(view.html());
        } finally {
            filling = false;
        }
        sources.set(tools.messages().get("templates.sources", view.subjectFrom(), view.textFrom(), view.htmlFrom()));
        preview();
    }

    private void edited() {
        if (!filling) {
            outcome.set("");
            outcomeTone.set(Tone.NEUTRAL);
            preview();
        }
    }

    /** Renders what the editor holds for the chosen contact; edits made meanwhile render once it is back. */
    public void preview() {
        TemplateKindChoice chosen = kind.get();
        String contact = previewContact.get() == null ? "" : previewContact.get().strip();
        if (chosen == null || filling) {
            return;
        }
        if (contact.isEmpty()) {
            previewProblem.set(tools.messages().get("templates.previewNeedsContact"));
            return;
        }
        if (preview.isRunning()) {
            previewAgain = true;
            return;
        }
        TemplateDraft draft = draft();
        String forOffer = offer.get();
        preview.run(() -> templates.preview(chosen.code(), forOffer, contact, draft), this::shown);
    }

    private void shown(EmailPreview shown) {
        previewProblem.set("");
        previewSubject.set(shown.subject());
        previewText.set(shown.text());
        previewHtml.set(shown.html());
        previewAgainIfAsked();
    }

    private void previewAgainIfAsked() {
        if (previewAgain) {
            previewAgain = false;
            preview();
        }
    }

    /** Checks and stores what the editor holds; a refusal says why and stores nothing. */
    public void save() {
        TemplateKindChoice chosen = kind.get();
        TemplateDraft draft = draft();
        String forOffer = offer.get();
        save.run(() -> templates.set(chosen.code(), forOffer, draft, tools.agent()), view -> {
            fill(view);
            outcome.set(tools.messages().get("templates.saved"));
            outcomeTone.set(Tone.GOOD);
        });
    }

    /** Back to the default: the bundled template, or for an offer the default of every offer. */
    public void resetToDefault() {
        TemplateKindChoice chosen = kind.get();
        String forOffer = offer.get();
        reset.run(() -> templates.reset(chosen.code(), forOffer, tools.agent()), view -> {
            fill(view);
            outcome.set(tools.messages().get("templates.resetDone"));
            outcomeTone.set(Tone.GOOD);
        });
    }

    private TemplateDraft draft() {
        return new TemplateDraft(subject.get(), text.get(), html.get());
    }

    private void failed(Exception failure) {
        outcome.set(Failures.describe(failure, tools.messages()));
        outcomeTone.set(Tone.BAD);
    }

    public ObservableList<TemplateKindChoice> kinds() {
        return kinds;
    }

    public ObjectProperty<TemplateKindChoice> kindProperty() {
        return kind;
    }

    public ObservableList<String> offerChoices() {
        return offerChoices;
    }

    public StringProperty offerProperty() {
        return offer;
    }

    public ObservableBooleanValue offerAllowedProperty() {
        return offerAllowed;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty htmlProperty() {
        return html;
    }

    public StringProperty previewContactProperty() {
        return previewContact;
    }

    public ObservableList<String> variables() {
        return FXCollections.unmodifiableObservableList(variables);
    }

    public ReadOnlyStringProperty sourcesProperty() {
        return sources.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewSubjectProperty() {
        return previewSubject.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewTextProperty() {
        return previewText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewHtmlProperty() {
        return previewHtml.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewProblemProperty() {
        return previewProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> outcomeToneProperty() {
        return outcomeTone.getReadOnlyProperty();
    }

    public Command saveCommand() {
        return save;
    }

    public Command resetCommand() {
        return reset;
    }

    public Command previewCommand() {
        return preview;
    }
}
