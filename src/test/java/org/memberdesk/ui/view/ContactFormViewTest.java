package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.viewmodel.contact.OfferChoice;
import org.memberdesk.ui.viewmodel.contact.OfferRow;

/** New contact (Ctrl+N), Edit contact, Grant offer and Revoke, and Help → Credential FAQ in the real console. */
class ContactFormViewTest extends DemoConsoleCase {

    @Test
    void ctrlNAddsAContactAndOpensItsWindow() throws Exception {
        robot.clickOn("#searchField");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);

        Node form = WAIT.present(() -> window("New contact")).getScene().getRoot();
        TextField name = robot.from(form).lookup("#nameField").queryAs(TextField.class);
        assertThat(name.getScene().getFocusOwner()).as("typing starts in the name field").isSameAs(name);
        // A headless stage gets no keyboard focus by itself: click before typing.
        robot.clickOn(name).write("Robin Ahmed");
        robot.clickOn(robot.from(form).lookup("#emailField").queryAs(Node.class)).write("dana.whitfield@example.com");
        robot.type(KeyCode.ENTER);
        WAIT.until(() -> text(form, "#errorLabel").contains("already exists"));

        TextField email = robot.from(form).lookup("#emailField").queryAs(TextField.class);
        robot.interact(() -> email.setText("robin.ahmed@example.com"));
        robot.clickOn(robot.from(form).lookup("#tagsField").queryAs(Node.class)).write("trial, vip");
        robot.type(KeyCode.ENTER);

        Stage contact = WAIT.present(() -> window("Robin Ahmed"));
        assertThat(window("New contact")).isEmpty();
        Node root = contact.getScene().getRoot();
        WAIT.until(() -> "robin.ahmed@example.com".equals(text(root, "#emailLabel")));
        try (Services services = TestServices.open(dir, clock)) {
            assertThat(services.contacts().byEmail("robin.ahmed@example.com").tags())
                    .containsExactlyInAnyOrder("trial", "vip");
        }
    }

    @Test
    void editContactChangesTheHeaderOrSaysWhyNot() throws Exception {
        Node root = openContact("aisha", "Aisha Rahman");
        robot.clickOn(tabHeader(root, "Actions"));
        robot.clickOn(robot.from(root).lookup("#editContactButton").queryButton());

        Node form = WAIT.present(() -> window("Edit contact")).getScene().getRoot();
        TextField email = robot.from(form).lookup("#emailField").queryAs(TextField.class);
        assertThat(email.getText()).isEqualTo("aisha.rahman@example.org");
        robot.interact(() -> email.setText("aisha at example"));
        robot.clickOn(robot.from(form).lookup("#saveButton").queryButton());
        WAIT.until(() -> !text(form, "#errorLabel").isEmpty());
        assertThat(window("Edit contact")).isPresent();

        robot.interact(() -> email.setText("aisha.rahman@example.com"));
        // A new address asks how the caller was verified; the dialog grows to show it, Save included.
        ComboBox<?> verifiedBy = robot.from(form).lookup("#verifiedByBox").queryComboBox();
        WAIT.until(verifiedBy::isVisible);
        robot.clickOn(robot.from(form).lookup("#saveButton").queryButton());
        WAIT.until(() -> text(form, "#errorLabel").contains("say how you verified"));
        assertThat(window("Edit contact")).isPresent();
        robot.clickOn(verifiedBy);
        robot.clickOn(robot.lookup(".list-cell").match((Labeled cell) -> "Known phone number".equals(cell.getText()))
                .queryAs(Node.class));
        robot.clickOn(robot.from(form).lookup("#saveButton").queryButton());

        WAIT.until(() -> window("Edit contact").isEmpty());
        WAIT.until(() -> "aisha.rahman@example.com".equals(text(root, "#emailLabel")));

        // A new address cancels the old one's links and offers to send the new one what it needs (issue 18).
        Node offer = WAIT.present(() -> window("Email address changed")).getScene().getRoot();
        assertThat(robot.from(offer).lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class)
                .getContentText())
                .contains("aisha.rahman@example.org is told that the address changed");
        robot.clickOn(robot.from(offer).lookup(".button")
                .match((Labeled button) -> "Not now".equals(button.getText())).queryButton());
        WAIT.until(() -> window("Email address changed").isEmpty());
        WAIT.until(() -> ShownNotices.over(root).stream()
                .anyMatch(text -> text.contains("Nothing was sent to aisha.rahman@example.com")));
    }

    @Test
    void editContactMarksEachWrongFieldWithItsOwnMessage() throws Exception {
        Node root = openContact("aisha", "Aisha Rahman");
        robot.clickOn(tabHeader(root, "Actions"));
        robot.clickOn(robot.from(root).lookup("#editContactButton").queryButton());
        Node form = WAIT.present(() -> window("Edit contact")).getScene().getRoot();
        TextField name = robot.from(form).lookup("#nameField").queryAs(TextField.class);
        TextField email = robot.from(form).lookup("#emailField").queryAs(TextField.class);

        robot.interact(() -> email.setText("aisha at example"));
        WAIT.until(() -> FieldMarkLookup.message(robot, email).isPresent());
        assertThat(FieldMarkLookup.message(robot, email)).contains("'aisha at example' is not a valid email address.");
        assertThat(FieldMarkLookup.message(robot, name)).isEmpty();
        // An emptied field is marked once Save was pressed (a new form does not open all red).
        robot.interact(() -> name.setText(" "));
        robot.clickOn(robot.from(form).lookup("#saveButton").queryButton());
        WAIT.until(() -> text(form, "#errorLabel").equals("Not saved: correct the marked fields first."));
        WAIT.until(() -> FieldMarkLookup.message(robot, name).isPresent());
        assertThat(FieldMarkLookup.message(robot, name)).contains("Name is required.");
        assertThat(window("Edit contact")).isPresent();

        // Taken: only the service knows, and says so at the field as well as under the form.
        robot.interact(() -> {
            name.setText("Aisha Rahman");
            email.setText("dana.whitfield@example.com");
        });
        WAIT.until(() -> FieldMarkLookup.message(robot, email).isEmpty());
        robot.clickOn(robot.from(form).lookup("#saveButton").queryButton());
        WAIT.until(() -> FieldMarkLookup.message(robot, email).isPresent());
        assertThat(FieldMarkLookup.message(robot, email).orElseThrow()).contains("already exists");
        assertThat(text(form, "#errorLabel")).contains("already exists");
        try (Services services = TestServices.open(dir, clock)) {
            assertThat(services.contacts().byEmail("aisha.rahman@example.org").name()).isEqualTo("Aisha Rahman");
        }
    }

    @Test
    void grantAnOfferThenRevokeItWithAReason() throws Exception {
        Node root = openContact("aisha", "Aisha Rahman");
        robot.clickOn(tabHeader(root, "Offers"));
        @SuppressWarnings("unchecked")
        TableView<OfferRow> offers = robot.from(root).lookup("#offerTable").queryAs(TableView.class);
        WAIT.until(() -> offers.getItems().size() == 1);

        robot.clickOn(robot.from(root).lookup("#grantButton").queryButton());
        Node grant = WAIT.present(() -> window("Grant offer")).getScene().getRoot();
        @SuppressWarnings("unchecked")
        ComboBox<OfferChoice> offer = robot.from(grant).lookup("#offerBox").queryAs(ComboBox.class);
        WAIT.until(() -> !offer.getItems().isEmpty());
        robot.interact(() -> offer.setValue(offer.getItems().stream()
                .filter(c -> c.name().equals("Momentum Membership")).findFirst().orElseThrow()));
        robot.clickOn(robot.from(grant).lookup("#grantButton").queryButton());

        WAIT.until(() -> offers.getItems().size() == 2);
        OfferRow membership = offers.getItems().stream().filter(o -> o.offer().equals("Momentum Membership"))
                .findFirst().orElseThrow();
        assertThat(membership.grantStatus().code()).isEqualTo("active");

        // The table may redraw its rows once more as the grant's change arrives: find the row again then.
        WAIT.until(() -> {
            Node row = robot.from(offers).lookup(".table-row-cell")
                    .match((TableRow<OfferRow> r) -> r.getItem() != null
                            && "Momentum Membership".equals(r.getItem().offer()))
                    .queryAs(Node.class);
            if (row.getScene() == null) {
                return false;
            }
            robot.clickOn(robot.from(row).lookup(".revoke-button").queryButton());
            return true;
        });
        Node revoke = WAIT.present(() -> window("Revoke Momentum Membership")).getScene().getRoot();
        assertThat(text(revoke, "#questionLabel")).contains("aisha.rahman@example.org");
        robot.clickOn(robot.from(revoke).lookup("#reasonField").queryAs(Node.class)).write("granted by mistake");
        robot.clickOn(robot.from(revoke).lookup("#revokeButton").queryButton());

        WAIT.until(() -> offers.getItems().stream().anyMatch(o -> o.offer().equals("Momentum Membership")
                && "revoked".equals(o.grantStatus().code()) && o.revoked().endsWith("granted by mistake")));
    }

    @Test
    void helpOpensTheCredentialFaq() throws Exception {
        robot.clickOn("Help");
        robot.clickOn("Credential FAQ");

        Node faq = WAIT.present(() -> window("Credential FAQ")).getScene().getRoot();
        assertThat(robot.from(faq).lookup(".label").queryAllAs(Labeled.class).stream().map(Labeled::getText))
                .anySatisfy(text -> assertThat(text).startsWith("Six ways back in"))
                .anySatisfy(text -> assertThat(text).startsWith("Can I resend the login email without changing"))
                .anySatisfy(text -> assertThat(text).contains("Offers \u2192 Resend"));
        robot.clickOn(robot.from(faq).lookup("#closeButton").queryButton());
        WAIT.until(() -> window("Credential FAQ").isEmpty());
    }

    // ---- helpers ----
}
