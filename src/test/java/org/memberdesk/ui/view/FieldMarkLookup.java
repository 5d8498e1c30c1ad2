package org.memberdesk.ui.view;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Control;
import org.controlsfx.control.decoration.Decorator;
import org.memberdesk.ui.view.common.FieldMarks;
import org.testfx.api.FxRobot;

/** The ControlsFX validation mark on a field, and its message, as a test sees them. */
final class FieldMarkLookup {

    private FieldMarkLookup() {
    }

    /** The message of the mark ControlsFX shows on {@code field}; empty when the field is not marked. */
    static Optional<String> message(FxRobot robot, Control field) {
        if (field.getScene() == null || Decorator.getDecorations(field) == null
                || Decorator.getDecorations(field).isEmpty()) {
            return Optional.empty();
        }
        return robot.from(field.getScene().getRoot()).lookup("." + FieldMarks.MARK).queryAll().stream()
                .filter(Node::isVisible)
                .map(Node::getAccessibleText)
                .filter(text -> field.getTooltip() != null && text.equals(field.getTooltip().getText()))
                .findFirst();
    }
}
