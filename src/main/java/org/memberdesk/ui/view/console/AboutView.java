package org.memberdesk.ui.view.console;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.Stylesheets;
import org.memberdesk.ui.viewmodel.console.About;

/** Help → About: version, data directory, portal address and agent name. */
public final class AboutView {

    @FXML private ImageView iconView;
    @FXML private Label versionLabel;
    @FXML private Label dataDirectoryLabel;
    @FXML private Label portalLabel;
    @FXML private Label agentLabel;

    private final Parent root;

    public AboutView(About about, Messages messages) {
        this.root = ViewLoader.load(this, messages);
        Stylesheets.icon(128).ifPresent(iconView::setImage);
        versionLabel.setText(messages.get("about.version", about.version()));
        dataDirectoryLabel.setText(about.dataDirectory());
        portalLabel.setText(about.portalUrl());
        agentLabel.setText(about.agent());
    }

    public Parent root() {
        return root;
    }
}
