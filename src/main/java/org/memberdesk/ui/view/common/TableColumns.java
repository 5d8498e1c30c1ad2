package org.memberdesk.ui.view.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Column set-ups the console's tables share. */
public final class TableColumns {

    private TableColumns() {
    }

    /** A text column whose cells show their full text as a tooltip, for when the column is too narrow. */
    public static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isBlank();
                setText(empty ? null : item);
                setTooltip(blank ? null : new Tooltip(item));
            }
        });
    }
}
