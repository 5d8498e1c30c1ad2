package org.memberdesk.ui.view.common;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;

/**
 * A window's content that fills the window and scrolls once the window is smaller than the
 * content's minimum size, so nothing is cut off on a small screen or in presenter mode. Its
 * preferred height follows the content's at a given width, so a window sized to its content
 * (wrapped texts included) still opens at the right height.
 */
public final class ScrollingContent extends ScrollPane {

    public static final String STYLE_CLASS = "scrolling-content";

    private final Parent content;

    public ScrollingContent(Parent content) {
        super(content);
        this.content = content;
        setFitToWidth(true);
        setFitToHeight(true);
        setFocusTraversable(false);
        getStyleClass().add(STYLE_CLASS);
    }

    /** The content this pane scrolls (the view's own root). */
    public Parent content() {
        return content;
    }

    @Override
    public Orientation getContentBias() {
        return content.getContentBias();
    }

    @Override
    protected double computePrefHeight(double width) {
        if (width < 0 || content.getContentBias() != Orientation.HORIZONTAL) {
            return super.computePrefHeight(width);
        }
        Insets insets = getInsets();
        double inner = width - insets.getLeft() - insets.getRight();
        return Math.ceil(content.prefHeight(inner) + insets.getTop() + insets.getBottom());
    }
}
