package org.memberdesk.ui.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A hidden tab's content, and a pane shown later, join the window's scene when first shown, up to date. */
class ContentOnDemandViewTest {

    private final SimpleStringProperty password = new SimpleStringProperty("No password set");
    private final SimpleBooleanProperty opened = new SimpleBooleanProperty();
    private Label passwordLabel;
    private BorderPane detail;
    private StackPane detailArea;
    private Tab history;
    private Tab actions;
    private Scene scene;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aHiddenTabsContentJoinsTheSceneWhenTheTabIsChosenWithWhatChangedMeanwhile() throws Exception {
        show();
        Node content = actions.getContent();

        FxToolkit.setupFixture(() -> ContentOnDemand.tab(actions));
        assertThat(actions.getContent()).isNull();
        assertThat(scene.lookup("#portalPasswordLabel")).isNull();

        FxToolkit.setupFixture(() -> password.set("Password set"));
        FxToolkit.setupFixture(() -> actions.getTabPane().getSelectionModel().select(actions));

        assertThat(actions.getContent()).isSameAs(content);
        assertThat(scene.lookup("#portalPasswordLabel")).isSameAs(passwordLabel);
        assertThat(passwordLabel.getText()).isEqualTo("Password set");
        assertThat(passwordLabel.getScene()).isSameAs(scene);
    }

    @Test
    void theSelectedTabKeepsItsContent() throws Exception {
        show();
        Node content = history.getContent();

        FxToolkit.setupFixture(() -> ContentOnDemand.tab(history));

        assertThat(history.getContent()).isSameAs(content);
        assertThat(detailArea.getScene()).isSameAs(scene);
    }

    @Test
    void aPaneShownLaterJoinsWhenFirstShownInItsOwnPlace() throws Exception {
        show();
        List<Node> before = List.copyOf(detailArea.getChildren());

        FxToolkit.setupFixture(() -> ContentOnDemand.node(detail, opened));
        assertThat(detailArea.getChildren()).doesNotContain(detail);
        assertThat(detail.getScene()).isNull();

        FxToolkit.setupFixture(() -> opened.set(true));
        assertThat(detailArea.getChildren()).containsExactlyElementsOf(before);
        assertThat(detail.getScene()).isSameAs(scene);

        FxToolkit.setupFixture(() -> {
            opened.set(false);
            opened.set(true);
        });
        assertThat(detailArea.getChildren()).containsExactlyElementsOf(before); // put back once only
    }

    @Test
    void aPaneShownAlreadyStays() throws Exception {
        show();
        opened.set(true);

        FxToolkit.setupFixture(() -> ContentOnDemand.node(detail, opened));

        assertThat(detail.getScene()).isSameAs(scene);
        assertThat(detailArea.getChildren().indexOf(detail)).isEqualTo(1);
    }

    private void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            passwordLabel = new Label();
            passwordLabel.setId("portalPasswordLabel");
            passwordLabel.textProperty().bind(password);
            detail = new BorderPane(new Label("Reset link"));
            detailArea = new StackPane(new Label("No email chosen"), detail, new Label("footer"));
            history = new Tab("Email History", detailArea);
            actions = new Tab("Actions", new StackPane(passwordLabel));
            Stylesheets.setDark(false);
            TabPane tabs = new TabPane(history, actions);
            Stage stage = new Stage();
            scene = new Scene(tabs, 500, 300);
            Stylesheets.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
    }
}
