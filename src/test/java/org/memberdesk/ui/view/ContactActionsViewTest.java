package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Services;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.viewmodel.contact.EmailRow;
import org.memberdesk.ui.viewmodel.contact.OfferRow;
import org.memberdesk.ui.viewmodel.contact.VerificationChoice;

/**
 * The real console on demo data: the agent drives each of the four ways back in from a contact's
 * window (Offers → Resend, Send Reset Link, Change Password, a community group's reset link) and
 * sees the email in Email History and in the database.
 */
class ContactActionsViewTest extends DemoConsoleCase {

    @Test
    void offersResendQueuesTheWelcomeEmailAgain() throws Exception {
        Node root = openContact("ben", "Ben Carter");
        robot.clickOn(tabHeader(root, "Offers"));
        @SuppressWarnings("unchecked")
        TableView<OfferRow> offers = robot.from(root).lookup("#offerTable").queryAs(TableView.class);
        WAIT.until(() -> offers.getItems().size() == 1);
        Button resend = robot.from(rowOf(offers, "Momentum Membership")).lookup(".resend-button").queryButton();
        assertThat(resend.isDisabled()).isFalse();

        robot.clickOn(resend);

        TableView<EmailRow> emails = emailTable(root);
        WAIT.until(() -> emails.getItems().size() == 2);
        assertThat(emails.getItems().get(0).kind()).isEqualTo("Membership welcome");
        assertThat(notificationText(root)).contains("queued for ben.carter@example.com");
        List<EmailView> stored = stored("ben.carter@example.com");
        assertThat(stored.get(0).kind().code()).isEqualTo("welcome");
        assertThat(stored.get(0).resendOfId()).isNotNull();
    }

    @Test
    void aRevokedOfferHasResendDisabled() throws Exception {
        Node root = openContact("grace", "Grace O'Malley");
        robot.clickOn(tabHeader(root, "Offers"));
        @SuppressWarnings("unchecked")
        TableView<OfferRow> offers = robot.from(root).lookup("#offerTable").queryAs(TableView.class);
        WAIT.until(() -> offers.getItems().size() == 1);

        Button resend = robot.from(rowOf(offers, "Momentum Membership")).lookup(".resend-button").queryButton();

        assertThat(resend.isDisabled()).isTrue();
        assertThat(resend.getAccessibleHelp()).startsWith("Revoked");
    }

    @Test
    void sendResetLinkConfirmsAndQueuesTheResetEmail() throws Exception {
        Node root = openContact("dana", "Dana Whitfield");
        robot.clickOn(tabHeader(root, "Actions"));

        robot.clickOn(robot.from(root).lookup("#portalResetButton").queryButton());

        Node dialog = WAIT.present(() -> window("Send Reset Link")).getScene().getRoot();
        WAIT.until(() -> "dana.whitfield@example.com".equals(text(dialog, "#recipientLabel")));
        assertThat(text(dialog, "#accessLabel")).isEqualTo("Client Portal (membership)");
        assertThat(text(dialog, "#expiryLabel")).contains("24 hours");
        robot.clickOn(robot.from(dialog).lookup("#sendButton").queryButton());

        WAIT.until(() -> window("Send Reset Link").isEmpty());
        TableView<EmailRow> emails = emailTable(root);
        WAIT.until(() -> emails.getItems().size() == 4);
        assertThat(emails.getItems().get(0).kind()).isEqualTo("Reset link");
        assertThat(stored("dana.whitfield@example.com").get(0).kind().code()).isEqualTo("reset-link");
    }

    @Test
    void aLinkToPasteShowsInTheDialogInsteadOfAnEmail() throws Exception {
        Node root = openContact("dana", "Dana Whitfield");
        robot.clickOn(tabHeader(root, "Actions"));
        robot.clickOn(robot.from(root).lookup("#portalResetButton").queryButton());
        Node dialog = WAIT.present(() -> window("Send Reset Link")).getScene().getRoot();
        WAIT.until(() -> "dana.whitfield@example.com".equals(text(dialog, "#recipientLabel")));
        int before = stored("dana.whitfield@example.com").size();
        assertThat(robot.from(dialog).lookup("#pasteButton").queryButton().isDisabled())
                .as("not before the caller's verification is said").isTrue();
        chooseVerification(dialog, IdentityCheck.Method.PHONE);

        robot.clickOn(robot.from(dialog).lookup("#pasteButton").queryButton());

        javafx.scene.control.TextField link = robot.from(dialog).lookup("#pastedField")
                .queryAs(javafx.scene.control.TextField.class);
        WAIT.until(() -> link.getText().contains("/reset/") && link.isVisible());
        assertThat(link.isEditable()).isFalse();
        assertThat(text(dialog, "#pastedNoteLabel")).startsWith("Shown once, never emailed");
        assertThat(robot.from(dialog).lookup("#sendButton").queryButton().isDisabled()).isTrue();
        assertThat(window("Send Reset Link")).as("stays open to copy the link").isPresent();
        assertThat(stored("dana.whitfield@example.com")).hasSize(before);
        assertThat(robot.from(dialog).lookup("#codeButton").queryButton().isDisabled())
                .as("a code now would supersede the pasted link").isTrue();
    }

    @Test
    void aCodeByPhoneShowsLargeInTheDialog() throws Exception {
        Node root = openContact("dana", "Dana Whitfield");
        robot.clickOn(tabHeader(root, "Actions"));
        robot.clickOn(robot.from(root).lookup("#portalResetButton").queryButton());
        Node dialog = WAIT.present(() -> window("Send Reset Link")).getScene().getRoot();
        WAIT.until(() -> "dana.whitfield@example.com".equals(text(dialog, "#recipientLabel")));
        chooseVerification(dialog, IdentityCheck.Method.EMAIL_REPLY);

        robot.clickOn(robot.from(dialog).lookup("#codeButton").queryButton());

        WAIT.until(() -> text(dialog, "#codeLabel").matches("[0-9]{4} [0-9]{4}"));
        assertThat(robot.from(dialog).lookup("#codeLabel").query().isVisible()).isTrue();
        assertThat(text(dialog, "#codeNoteLabel")).contains("/code until");
        assertThat(robot.from(dialog).lookup("#sendButton").queryButton().isDisabled()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private void chooseVerification(Node dialog, IdentityCheck.Method method) {
        javafx.scene.control.ComboBox<VerificationChoice> box = robot.from(dialog).lookup("#verifiedByBox")
                .queryAs(javafx.scene.control.ComboBox.class);
        robot.clickOn(box);
        robot.interact(() -> box.getSelectionModel().select(box.getItems().stream()
                .filter(choice -> choice.method() == method).findFirst().orElseThrow()));
        robot.interact(box::hide);
    }

    @Test
    void changePasswordMarksEntriesThatDiffer() throws Exception {
        Node root = openContact("dana", "Dana Whitfield");
        robot.clickOn(tabHeader(root, "Actions"));
        robot.clickOn(robot.from(root).lookup("#portalPasswordButton").queryButton());
        Node dialog = WAIT.present(() -> window("Change Password")).getScene().getRoot();
        javafx.scene.control.PasswordField password = robot.from(dialog).lookup("#passwordField")
                .queryAs(javafx.scene.control.PasswordField.class);
        javafx.scene.control.PasswordField confirm = robot.from(dialog).lookup("#confirmField")
                .queryAs(javafx.scene.control.PasswordField.class);

        robot.interact(() -> password.setText("short"));
        WAIT.until(() -> FieldMarkLookup.message(robot, password).isPresent());
        assertThat(FieldMarkLookup.message(robot, password).orElseThrow()).startsWith("Not accepted: use at least 15");

        robot.interact(() -> {
            password.setText("violet kettle harbour lantern");
            confirm.setText("violet kettle harbour lanterns");
        });
        WAIT.until(() -> FieldMarkLookup.message(robot, confirm).isPresent());
        assertThat(FieldMarkLookup.message(robot, confirm)).contains("The two entries differ.");
        WAIT.until(() -> FieldMarkLookup.message(robot, password).isEmpty());
        assertThat(robot.from(dialog).lookup("#saveButton").queryButton().isDisabled()).isTrue();

        robot.interact(() -> confirm.setText("violet kettle harbour lantern"));
        WAIT.until(() -> FieldMarkLookup.message(robot, confirm).isEmpty());
    }

    @Test
    void changePasswordWithAGeneratedPassphraseSetsItWithoutEmail() throws Exception {
        Node root = openContact("dana", "Dana Whitfield");
        robot.clickOn(tabHeader(root, "Actions"));
        assertThat(text(root, "#portalPasswordLabel")).isEqualTo("No password set");

        robot.clickOn(robot.from(root).lookup("#portalPasswordButton").queryButton());

        Node dialog = WAIT.present(() -> window("Change Password")).getScene().getRoot();
        Button save = robot.from(dialog).lookup("#saveButton").queryButton();
        assertThat(save.isDisabled()).isTrue();
        robot.clickOn(robot.from(dialog).lookup("#passwordField").queryAs(Node.class)).write("1qaz2wsx3edc4rfv");
        WAIT.until(() -> text(dialog, "#feedbackLabel").contains("commonly used"));
        robot.clickOn(robot.from(dialog).lookup("#generateButton").queryButton());
        TextField shown = robot.from(dialog).lookup("#passwordText").queryAs(TextField.class);
        WAIT.until(() -> shown.isVisible() && shown.getText().length() >= 20);
        WAIT.until(() -> !save.isDisabled());
        assertThat(text(dialog, "#feedbackLabel")).isEqualTo("Accepted, and both entries match.");
        assertThat(robot.from(dialog).lookup("#notifyBox").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .isFalse();
        robot.clickOn(save);

        WAIT.until(() -> window("Change Password").isEmpty());
        WAIT.until(() -> text(root, "#portalPasswordLabel").startsWith("Password set"));
        assertThat(notificationText(root)).endsWith("No email was sent: share the password yourself.");
        assertThat(stored("dana.whitfield@example.com")).hasSize(3);
    }

    @Test
    void aCommunityGroupsResetLinkGoesOutForThatGroupOnly() throws Exception {
        Node root = openContact("sofia", "Sofia Rossi");
        robot.clickOn(tabHeader(root, "Actions"));
        WAIT.until(() -> robot.from(root).lookup("#communityReset0").tryQuery().isPresent());

        clickInSight(robot.from(root).lookup("#communityReset0").queryButton());

        Node dialog = WAIT.present(() -> window("Send Reset Link")).getScene().getRoot();
        WAIT.until(() -> "sofia.rossi@example.net".equals(text(dialog, "#recipientLabel")));
        assertThat(text(dialog, "#accessLabel")).isEqualTo("community group Founders Circle");
        robot.type(KeyCode.ENTER);

        WAIT.until(() -> window("Send Reset Link").isEmpty());
        TableView<EmailRow> emails = emailTable(root);
        WAIT.until(() -> emails.getItems().size() == 3);
        assertThat(emails.getItems().get(0).kind()).isEqualTo("Community reset link");
        assertThat(emails.getItems().get(0).about()).isEqualTo("Founders Circle");
        List<EmailView> stored = stored("sofia.rossi@example.net");
        assertThat(stored.get(0).kind().code()).isEqualTo("community-reset-link");
        assertThat(stored.stream().filter(e -> "welcome".equals(e.kind().code()))).hasSize(1);
    }

    // ---- helpers ----

    /** Waits also until her Email History is listed. */
    @Override
    Node openContact(String query, String name) throws Exception {
        Node root = super.openContact(query, name);
        WAIT.until(() -> !emailTable(root).getItems().isEmpty());
        return root;
    }

    /** The emails of the contact as stored, read through a second opening of the data directory. */
    private List<EmailView> stored(String email) {
        try (Services services = TestServices.open(dir, clock)) {
            return services.emails().list(email);
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<EmailRow> emailTable(Node root) {
        return robot.from(root).lookup("#emailTable").queryAs(TableView.class);
    }

    private Node rowOf(TableView<OfferRow> table, String offer) {
        return robot.from(table).lookup(".table-row-cell")
                .match((TableRow<OfferRow> row) -> row.getItem() != null && offer.equals(row.getItem().offer()))
                .queryAs(Node.class);
    }

    private String notificationText(Node root) {
        List<String> shown = ShownNotices.over(root);
        return shown.isEmpty() ? "" : shown.get(shown.size() - 1);
    }
}
