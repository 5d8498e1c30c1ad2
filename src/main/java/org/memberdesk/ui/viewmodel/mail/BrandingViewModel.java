package org.memberdesk.ui.viewmodel.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.service.UserError;
import org.memberdesk.service.portal.BrandingChange;
import org.memberdesk.service.portal.BrandingService;
import org.memberdesk.service.portal.BrandingView;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.Failures;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * Settings → Branding: the business name, the sender name, the logo (a PNG or JPEG file chosen by
 * the agent, read in the background on Save), the accent colour and the support address.
 */
public final class BrandingViewModel {

    private final BrandingService branding;
    private final EmailTemplatesViewModel.Tools tools;

    private final StringProperty businessName = new SimpleStringProperty(this, "businessName", "");
    private final StringProperty senderName = new SimpleStringProperty(this, "senderName", "");
    private final StringProperty accentColor = new SimpleStringProperty(this, "accentColor", "");
    private final StringProperty supportEmail = new SimpleStringProperty(this, "supportEmail", "");
    private final ObjectProperty<Path> logoFile = new SimpleObjectProperty<>(this, "logoFile");
    private final BooleanProperty removeLogo = new SimpleBooleanProperty(this, "removeLogo");
    private final ReadOnlyStringWrapper logoNote = new ReadOnlyStringWrapper(this, "logoNote", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyObjectWrapper<Tone> outcomeTone = new ReadOnlyObjectWrapper<>(this, "outcomeTone",
            Tone.NEUTRAL);
    private final Command call;

    public BrandingViewModel(BrandingService branding, EmailTemplatesViewModel.Tools tools) {
        this.branding = branding;
        this.tools = tools;
        this.call = new Command(tools.executor(), failure -> {
            outcome.set(Failures.describe(failure, tools.messages()));
            outcomeTone.set(Tone.BAD);
        });
        logoFile.addListener((o, before, now) -> {
            if (now != null) {
                logoNote.set(tools.messages().get("branding.logoChosen", String.valueOf(now.getFileName())));
            }
        });
    }

    public void load() {
        call.run(branding::show, this::fill);
    }

    private void fill(BrandingView view) {
        businessName.set(orEmpty(view.businessName()));
        senderName.set(orEmpty(view.senderName()));
        accentColor.set(orEmpty(view.accentColor()));
        supportEmail.set(orEmpty(view.supportEmail()));
        logoFile.set(null);
        removeLogo.set(false);
        logoNote.set(view.hasLogo() ? tools.messages().get("branding.logoStored", view.logoType(), view.logoBytes())
                : tools.messages().get("branding.noLogo"));
    }

    /** Checks and stores the form; a refusal says why and changes nothing. */
    public void save() {
        Path logo = logoFile.get();
        boolean remove = removeLogo.get();
        // An empty name keeps the stored one (the portal then says "Member Portal" when none is stored).
        String name = businessName.get() == null || businessName.get().isBlank() ? null : businessName.get();
        String sender = senderName.get();
        String color = accentColor.get();
        String support = supportEmail.get();
        call.run(() -> {
            byte[] bytes = logo == null ? null : read(logo);
            return branding.save(new BrandingChange(name, sender, bytes, remove && logo == null, color, support),
                    tools.agent());
        }, view -> {
            fill(view);
            outcome.set(tools.messages().get("branding.saved"));
            outcomeTone.set(Tone.GOOD);
        });
    }

    private static byte[] read(Path logo) throws java.io.IOException {
        if (Files.size(logo) > BrandingService.MAX_LOGO_BYTES * 4L) {
            throw new UserError("the logo is larger than " + BrandingService.MAX_LOGO_BYTES / 1024
                    + " KiB; nothing was changed");
        }
        return Files.readAllBytes(logo);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public StringProperty businessNameProperty() {
        return businessName;
    }

    public StringProperty senderNameProperty() {
        return senderName;
    }

    public StringProperty accentColorProperty() {
        return accentColor;
    }

    public StringProperty supportEmailProperty() {
        return supportEmail;
    }

    public ObjectProperty<Path> logoFileProperty() {
        return logoFile;
    }

    public BooleanProperty removeLogoProperty() {
        return removeLogo;
    }

    public ReadOnlyStringProperty logoNoteProperty() {
        return logoNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> outcomeToneProperty() {
        return outcomeTone.getReadOnlyProperty();
    }

    public Command saveCommand() {
        return call;
    }
}
