package org.memberdesk.ui.view.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.MaskerPane;

/**
 * A window's content under a {@link MaskerPane} while it reads its data the first time; once that
 * read has ended the mask is gone for good, so a later refresh never blanks what the window shows.
 */
public final class FirstLoadMask {

    public static final String ID = "firstLoadMask";

    private FirstLoadMask() {
    }

    public static StackPane over(Parent content, ObservableBooleanValue loading, String text) {
        MaskerPane mask = new MaskerPane();
        mask.setId(ID);
        mask.setText(text);
        mask.setVisible(loading.get());
        loading.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean before, Boolean now) {
                mask.setVisible(now);
                if (!now) {
                    loading.removeListener(this);
                }
            }
        });
        return new StackPane(content, mask);
    }
}
