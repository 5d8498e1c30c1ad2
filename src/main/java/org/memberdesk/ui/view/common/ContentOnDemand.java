package org.memberdesk.ui.view.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.layout.Pane;

/**
 * Parts of a window that join its scene when they are first shown. A hidden tab's content, or a
 * pane kept invisible until something is chosen, is styled and laid out with the window all the
 * same; leaving it out until it is asked for makes the window's first frame cheaper (a contact
 * window opens on its Email History with no email chosen). The part is built, bound and kept up to
 * date as before: only its place in the scene waits.
 */
public final class ContentOnDemand {

    private ContentOnDemand() {
    }

    /** Takes {@code tab}'s content out until the tab is selected; nothing changes for a selected tab. */
    public static void tab(Tab tab) {
        Node content = tab.getContent();
        if (tab.isSelected() || content == null) {
            return;
        }
        tab.setContent(null);
        once(tab.selectedProperty(), () -> tab.setContent(content));
    }

    /**
     * Takes {@code node} out of its pane until {@code shown} first holds, then puts it back where it
     * was; nothing changes when it holds already.
     */
    public static void node(Node node, ObservableBooleanValue shown) {
        Parent parent = node.getParent();
        if (shown.get() || !(parent instanceof Pane pane)) {
            return;
        }
        int index = pane.getChildren().indexOf(node);
        pane.getChildren().remove(index);
        once(shown, () -> pane.getChildren().add(Math.min(index, pane.getChildren().size()), node));
    }

    private static void once(ObservableValue<Boolean> condition, Runnable action) {
        condition.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean before, Boolean now) {
                if (now) {
                    o.removeListener(this);
                    action.run();
                }
            }
        });
    }
}
