package org.memberdesk.ui.view.common;

import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * The marks of one form: ControlsFX validation on each field, fed by the message its view model
 * computes (the rules stay in the view model). A wrong field gets AtlantaFX's red border, an error
 * icon at its corner and its message as tooltip of both, for as long as the view model reports it.
 */
public final class FieldMarks {

    /** On the icon ControlsFX adds next to a marked field. */
    public static final String MARK = "field-mark";
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final ValidationSupport validation = new ValidationSupport();

    public FieldMarks() {
        validation.setValidationDecorator(new Decoration());
    }

    /** Marks {@code field} while {@code error} is not empty. */
    public void mark(Control field, ObservableStringValue error) {
        Validator<Object> fromViewModel = (control, value) ->
                ValidationResult.fromErrorIf(control, text(error), !text(error).isEmpty());
        validation.registerValidator(field, false, fromViewModel);
        // The message can change without the field changing (a refused save, an answer from the service).
        error.addListener((o, before, now) -> {
            if (!text(error).isEmpty()) {
                validation.initInitialDecoration();
            }
            validation.revalidate(field);
        });
    }

    public ValidationSupport validation() {
        return validation;
    }

    private static String text(ObservableStringValue error) {
        return error.get() == null ? "" : error.get();
    }

    private static final class Decoration extends GraphicValidationDecoration {

        @Override
        protected Node createDecorationNode(ValidationMessage message) {
            Node node = super.createDecorationNode(message);
            node.getStyleClass().add(MARK);
            node.setAccessibleText(message.getText());
            return node;
        }

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            super.applyValidationDecoration(message);
            message.getTarget().pseudoClassStateChanged(DANGER, true);
            message.getTarget().setTooltip(new Tooltip(message.getText()));
        }

        @Override
        public void removeDecorations(Control target) {
            super.removeDecorations(target);
            target.pseudoClassStateChanged(DANGER, false);
            target.setTooltip(null);
        }
    }
}
