package org.memberdesk.ui.viewmodel.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.Objects;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.credentials.CredentialView;
import org.memberdesk.service.offers.GrantView;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Cancellable;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.Rereads;

/** One contact's window: header, Email History, Actions (Client Portal, Community Groups) and Offers. */
public final class ContactViewModel {

    private static final Comparator<GrantView> ACTIVE_FIRST_THEN_NEWEST =
            Comparator.comparing((GrantView g) -> !g.active())
                    .thenComparing(GrantView::grantedAt, Comparator.nullsLast(Comparator.reverseOrder()));

    /** Past the moment itself, so the reread finds the lock or offer already ended. */
    private static final Duration PAST_THE_END = Duration.ofSeconds(1);

    private final ContactService contacts;
    private final Clock clock;
    private final UUID contactId;
    private final BackgroundExecutor executor;
    private final Messages messages;
    private final CardTexts texts;

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper email = new ReadOnlyStringWrapper(this, "email", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper accessSummary = new ReadOnlyStringWrapper(this, "accessSummary", "");
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> tagsView = FXCollections.unmodifiableObservableList(tags);
    private final ObservableList<OfferRow> offers = FXCollections.observableArrayList();
    private final ObservableList<OfferRow> offersView = FXCollections.unmodifiableObservableList(offers);
    private final ObjectProperty<OfferRow> selectedOffer = new SimpleObjectProperty<>(this, "selectedOffer");
    private final ObservableList<CommunityRow> communities = FXCollections.observableArrayList();
    private final ObservableList<CommunityRow> communitiesView = FXCollections.unmodifiableObservableList(communities);
    private final ReadOnlyObjectWrapper<CredentialState> portal = new ReadOnlyObjectWrapper<>(this, "portal");
    private final EmailHistoryViewModel history;
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper(this, "notification", "");
    private final ReadOnlyIntegerWrapper offersRequests = new ReadOnlyIntegerWrapper(this, "offersRequests");
    private final ContactActionsViewModel actions;
    private final Hooks hooks;
    private final Rereads cardReads = new Rereads(this::readCard);
    private Cancellable nextEnd = Cancellable.NONE;
    private boolean closed;
    private long version;

    /** What the console does for a contact window: read its list again after an edit, open Diagnose. */
    public record Hooks(Runnable edited, Consumer<ContactViewModel> diagnose) {

        public Hooks {
            Objects.requireNonNull(edited);
            Objects.requireNonNull(diagnose);
        }
    }

    /**
     * The window of one contact with its actions (Offers, Client Portal, community groups, Edit
     * contact), run through {@code backend} with the Email History's executor, dialogs, clipboard and agent.
     */
    public ContactViewModel(ContactBackend backend, ContactWindows windows, UUID contactId, String knownName,
                            EmailHistoryViewModel history, Hooks hooks) {
        this.contacts = backend.contacts();
        this.clock = backend.clock();
        this.hooks = Objects.requireNonNull(hooks);
        this.history = history;
        this.contactId = contactId;
        this.executor = history.tools().executor();
        this.messages = history.tools().messages();
        this.texts = new CardTexts(messages, history.tools().time());
        name.set(knownName == null ? "" : knownName);
        title.set(messages.get("contact.title", name.get()));
        history.notificationProperty().addListener((o, before, now) -> {
            if (now != null && !now.isEmpty()) {
                announce(now);
            }
        });
        actions = new ContactActionsViewModel(this, backend, windows, history.tools());
    }

    /** Edit contact saved a change: the console reads its list again. */
    void edited() {
        hooks.edited().run();
    }

    /** The version of the name, email and tags shown, which Edit contact starts from. */
    long version() {
        return version;
    }

    /** The window's actions. */
    public ContactActionsViewModel actions() {
        return actions;
    }

    /** Pops up {@code text} once in the window. */
    void announce(String text) {
        notification.set("");
        notification.set(text);
    }

    /** A message to pop up once (an action's outcome, a retry); empty when there is none. */
    public ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }

    public void dismissNotification() {
        notification.set("");
        history.dismissNotification();
    }

    /** Loads (or reloads) everything the window shows, off the UI thread. */
    public void load() {
        if (closed) {
            return;
        }
        history.load();
        cardReads.request();
    }

    /**
     * Reads the header, the Actions tab, the Email History and the Offers again from the database,
     * whoever changed them; the selected email and offer and the filters stay. Asked for while a read
     * is under way, it reads once more after it. Nothing once the window has closed.
     */
    public void refresh() {
        load();
    }

    private void readCard() {
        loading.set(true);
        executor.submit(() -> contacts.card(contactId), card -> {
            if (!closed) {
                show(card);
            }
            cardReads.finished();
        }, failure -> {
            loading.set(false);
            if (!closed) {
                loadError.set(Failures.describe(failure, messages));
            }
            cardReads.finished();
        });
    }

    private void show(ContactCard card) {
        version = card.version();
        name.set(card.contact().name());
        email.set(card.contact().email());
        title.set(messages.get("contact.title", card.contact().name()));
        tags.setAll(card.contact().tags());
        portal.set(texts.credential(card.portal()));
        OfferRow chosen = selectedOffer.get();
        List<OfferRow> read = card.offers().stream().sorted(ACTIVE_FIRST_THEN_NEWEST).map(texts::offer).toList();
        offers.setAll(read);
        selectedOffer.set(chosen == null ? null
                : read.stream().filter(row -> row.grantId().equals(chosen.grantId())).findFirst().orElse(null));
        communities.setAll(card.communities().stream().map(texts::community).toList());
        accessSummary.set(summary(card));
        loadError.set("");
        loading.set(false);
        rereadWhenSomethingEnds(card);
    }

    /**
     * A lock or an offer shown ends by the clock alone, with nothing written that the change feed
     * could report: the window reads itself again at the earliest such end it shows.
     */
    private void rereadWhenSomethingEnds(ContactCard card) {
        nextEnd.cancel();
        nextEnd = Cancellable.NONE;
        Instant now = clock.instant();
        Stream<Instant> locks = Stream.concat(Stream.of(card.portal()),
                        card.communities().stream().map(community -> community.credential()))
                .filter(credential -> credential != null && credential.locked())
                .map(CredentialView::lockedUntil);
        Stream<Instant> offerEnds = card.offers().stream().filter(GrantView::active).map(GrantView::expiresAt);
        Optional<Instant> first = Stream.concat(locks, offerEnds)
                .filter(end -> end != null && end.isAfter(now)).min(Comparator.naturalOrder());
        first.ifPresent(end -> nextEnd = executor.schedule(Duration.between(now, end).plus(PAST_THE_END),
                this::refresh));
    }

    private String summary(ContactCard card) {
        List<GrantView> active = card.activeOffers();
        CredentialState credential = portal.get();
        return messages.get("contact.summary", active.size(), card.communities().size(),
                credential.passwordSet() ? messages.get("summary.passwordSet") : messages.get("summary.noPassword"),
                credential.locked() ? messages.get("summary.locked") : messages.get("summary.notLocked"));
    }

    public UUID contactId() {
        return contactId;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emailProperty() {
        return email.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** One line: active offers, community groups, portal password and lock. */
    public ReadOnlyStringProperty accessSummaryProperty() {
        return accessSummary.getReadOnlyProperty();
    }

    public ObservableList<String> tags() {
        return tagsView;
    }

    /** The Email History tab. */
    public EmailHistoryViewModel history() {
        return history;
    }

    /** The window closed: stop following its emails; nothing more is read. */
    public void close() {
        closed = true;
        cardReads.cancel();
        nextEnd.cancel();
        history.close();
    }

    /** Active first, then newest grant first. */
    public ObservableList<OfferRow> offers() {
        return offersView;
    }

    /** The offer chosen on the Offers tab; a reread keeps the same grant chosen while it is listed. */
    public ObjectProperty<OfferRow> selectedOfferProperty() {
        return selectedOffer;
    }

    public ObservableList<CommunityRow> communities() {
        return communitiesView;
    }

    /** The Client Portal (membership) password; null until loaded. */
    public ReadOnlyObjectProperty<CredentialState> portalProperty() {
        return portal.getReadOnlyProperty();
    }

    /** The Diagnose button (Shortcut+D): opens "Why can't they log in?" for this contact. */
    public void diagnose() {
        hooks.diagnose().accept(this);
    }

    /** Asks the window to show the Offers tab (a diagnosis' fix for a missing or ended offer). */
    public void showOffers() {
        offersRequests.set(offersRequests.get() + 1);
    }

    /** Goes up by one each time the Offers tab is asked for. */
    public ReadOnlyIntegerProperty offersRequestsProperty() {
        return offersRequests.getReadOnlyProperty();
    }
}
