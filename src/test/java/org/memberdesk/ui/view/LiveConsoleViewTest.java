package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.service.portal.PortalAuthService.SignIn;
import org.memberdesk.service.portal.PortalAuthService;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.viewmodel.console.ConsoleSession;
import org.memberdesk.ui.viewmodel.contact.EmailRow;
import org.memberdesk.ui.viewmodel.contact.OfferRow;
import org.memberdesk.ui.viewmodel.insight.ActivityRow;
import org.memberdesk.ui.viewmodel.mail.InboxRow;

/**
 * The real console on demo data with Dana's window, Activity and the demo Inbox open, while another
 * desk (a second opening of the same data directory) works on Dana: nobody in the console presses
 * anything, and every open window shows what the other desk did.
 */
class LiveConsoleViewTest extends DemoConsoleCase {

    /** What the change feed may take to bring another desk's commit to a window. */
    private static final FxWait FEED = FxWait.seconds(5);
    private static final String DANA = "dana.whitfield@example.com";
    private static final Actor KIM = Actor.agent("Kim (other desk)");

    Services otherDesk;

    @AfterEach
    void closeTheOtherDesk() {
        if (otherDesk != null) {
            otherDesk.close();
        }
    }

    @Test
    void whatAnotherDeskDoesToDanaShowsInHerOpenWindowActivityAndTheDemoInbox() throws Exception {
        Node dana = openContact("dana", "Dana Whitfield");
        ConsoleSession session = app.console().sessionProperty().get();
        robot.interact(() -> session.insight().openActivity());
        Node activity = WAIT.present(() -> window("Activity")).getScene().getRoot();
        TableView<ActivityRow> activityRows = table(activity, "#activityTable");
        robot.interact(() -> session.mail().openDemoInbox());
        Node inbox = WAIT.present(() -> window("Inbox (demo)")).getScene().getRoot();
        TableView<InboxRow> inboxRows = table(inbox, "#inboxTable");
        TableView<EmailRow> emails = table(dana, "#emailTable");
        chooseTab(dana, "Offers"); // the window may be behind Activity and the inbox
        TableView<OfferRow> offers = table(dana, "#offerTable");
        WAIT.until(() -> offers.getItems().size() == 2);
        chooseTab(dana, "Actions");
        Button unlock = robot.from(dana).lookup("#portalUnlockButton").queryButton();
        assertThat(text(dana, "#portalPasswordLabel")).isEqualTo("No password set");
        assertThat(text(dana, "#portalLockLabel")).isEqualTo("Not locked");
        assertThat(unlock.isDisabled()).isTrue();
        int activityBefore = activityRows.getItems().size();
        int emailsBefore = emails.getItems().size();
        int inboxBefore = inboxRows.getItems().size();

        otherDesk = TestServices.open(dir, clock);

        otherDesk.credentials().setPassword(DANA, null, "correct horse battery staple", false, KIM);
        FEED.until(() -> text(dana, "#portalPasswordLabel").startsWith("Password set"));
        assertThat(text(dana, "#summaryLabel")).contains("password set");
        FEED.until(() -> activityRows.getItems().size() > activityBefore);
        assertThat(activityRows.getItems().get(0).agent()).contains("Kim");

        int activityBeforeLock = activityRows.getItems().size();
        int failures = otherDesk.portalAuth().lockout().failures();
        SignIn last = null;
        for (int i = 0; i < failures; i++) {
            last = otherDesk.portalAuth().signIn(DANA, "not her password", PortalAuthService.Door.MEMBERSHIP);
        }
        assertThat(last.outcome()).isEqualTo(SignIn.Outcome.LOCKED);
        FEED.until(() -> text(dana, "#portalLockLabel").startsWith("Locked"));
        FEED.until(() -> !unlock.isDisabled());
        assertThat(text(dana, "#summaryLabel")).endsWith("password set, locked");
        FEED.until(() -> activityRows.getItems().size() > activityBeforeLock);
        assertThat(activityRows.getItems().get(0).detail()).contains("failed sign-ins");

        otherDesk.credentials().sendResetLink(DANA, null, null, KIM);
        FEED.until(() -> emails.getItems().size() == emailsBefore + 1);
        assertThat(emails.getItems().get(0).kind()).isEqualTo("Reset link");

        otherDesk.emails().runOutbox(true); // what `memberdesk outbox run` does on the other desk
        FEED.until(() -> inboxRows.getItems().size() > inboxBefore);
        assertThat(inboxRows.getItems().get(0).to()).contains(DANA);

        otherDesk.offers().grant(DANA, DemoData.MORNINGS, null, KIM);
        FEED.until(() -> offers.getItems().stream().anyMatch(row -> row.offer().equals(DemoData.MORNINGS)));
        assertThat(offers.getItems()).hasSize(3);
    }

    // ---- helpers ----

    /** Waits also until her Email History is listed. */
    @Override
    Node openContact(String query, String name) throws Exception {
        Node root = super.openContact(query, name);
        WAIT.until(() -> !table(root, "#emailTable").getItems().isEmpty());
        return root;
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(Node root, String query) {
        return robot.from(root).lookup(query).queryAs(TableView.class);
    }
}
