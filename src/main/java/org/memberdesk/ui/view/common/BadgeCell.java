package org.memberdesk.ui.view.common;

import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.memberdesk.ui.viewmodel.Tone;

/** A table cell that shows a status as a small coloured badge, with an optional tooltip. */
public final class BadgeCell<S> extends TableCell<S, S> {

    private final Label badge = new Label();
    private final Function<S, String> text;
    private final Function<S, Tone> tone;
    private final Function<S, String> tooltip;

    public BadgeCell(Function<S, String> text, Function<S, Tone> tone, Function<S, String> tooltip) {
        this.text = text;
        this.tone = tone;
        this.tooltip = tooltip;
        badge.getStyleClass().add("badge");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(S item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            return;
        }
        badge.setText(text.apply(item));
        // The cell's own text stays set (but hidden) so lookups and accessibility read the status.
        setText(badge.getText());
        ToneStyles.apply(badge, tone.apply(item));
        setGraphic(badge);
        String tip = tooltip == null ? null : tooltip.apply(item);
        setTooltip(tip == null || tip.isBlank() ? null : new Tooltip(tip));
    }
}
