package org.memberdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberdesk.portal.PortalFixture.AGENT;
import static org.memberdesk.portal.PortalFixture.DANA;
import static org.memberdesk.portal.PortalFixture.GROUP;
import org.memberdesk.testsupport.Verified;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberdesk.portal.HttpSession.Page;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.credentials.PasswordHasher;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.importing.ImportProgress;

/**
 * Issue 18, point 1: an address fixed after the welcome went to a typo. Whoever reads the old
 * address holds its links; once the agent changes the email, none of them works, a password chosen
 * through one is gone, every signed-in browser is out, and the old address is told (masked, no link).
 */
class EmailChangeHttpTest extends PortalCase {

    private static final String TYPO = "ivan@gmial.com";
    private static final String FIXED = "ivan@gmail.com";
    private static final String STOLEN_PASSWORD = "whoever reads the typo domain";
    private static final String NOTICE_SUBJECT = "The email address of your account was changed";


    /** Ivan comes in through an import with an offer; the welcome workflow mails his set-password link to the typo. */
    private PortalFixture.MailedLink importIvanAndTakeTheWelcomeLink() throws IOException {
        Path csv = dir.resolve("ivan.csv");
        Files.writeString(csv, "email,name,offer\n" + TYPO + ",Ivan Petrov,Momentum Membership\n");
        f.services.contactImport().run(csv, true, AGENT, ImportProgress.NONE);
        f.services.workflows().runDue();
        PortalFixture.MailedLink link = f.latestLink();
        assertThat(link.route()).isEqualTo("set-password");
        assertThat(to(f.smtp.getReceivedMessages()[f.received() - 1])).as("the welcome went to the typo")
                .isEqualTo(TYPO);
        return link;
    }

    @Test
    void theWelcomeLinkMailedToTheOldAddressNoLongerSetsAPasswordAndTheOldAddressIsTold() throws Exception {
        PortalFixture.MailedLink link = importIvanAndTakeTheWelcomeLink();
        HttpSession reader = f.browser(); // whoever reads gmial.com
        Page form = reader.get(link.path());
        assertThat(form.text()).contains("Choose your password");

        f.services.contacts().edit(TYPO, FIXED, null, null, Verified.BY_PHONE, AGENT);

        Page opened = reader.get(link.path());
        assertThat(opened.status()).isEqualTo(410);
        assertThat(opened.text()).contains("Link cancelled").contains("no longer valid")
                .doesNotContain(FIXED).doesNotContain("Set my password");
        Page posted = reader.submit(form, link.path(), Map.of("password", STOLEN_PASSWORD, "confirm", STOLEN_PASSWORD));
        assertThat(posted.status()).isEqualTo(410);
        assertThat(posted.text()).contains("no longer valid");
        assertThat(membershipHash(FIXED)).as("no password was set").isNull();
        reader.submit(reader.get("/"), "/login", Map.of("email", FIXED, "password", STOLEN_PASSWORD));
        assertThat(reader.get("/").text()).doesNotContain("Hello, Ivan").doesNotContain("Momentum Membership");

        f.services.emails().runOutbox(true);
        MimeMessage notice = only(TYPO, NOTICE_SUBJECT);
        String body = GreenMailUtil.getBody(notice).replace("=\r\n", "");
        assertThat(body).contains("i***@g***.com").contains(TYPO)
                .doesNotContain(FIXED).doesNotContain("http").doesNotContain("/set-password/").doesNotContain("/reset/");
        assertThat(f.services.emails().list(FIXED)).anySatisfy(email -> {
            assertThat(email.kind().code()).isEqualTo("address-changed");
            assertThat(email.recipient()).isEqualTo(TYPO);
            assertThat(email.status().code()).isEqualTo("sent");
        });
        assertThat(Arrays.stream(f.smtp.getReceivedMessages()).filter(m -> FIXED.equals(to(m))))
                .as("nothing went to the new address by itself").isEmpty();
        assertThat(audit(FIXED)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("contact.email-changed");
            assertThat(entry.agent()).isEqualTo("Sam (support)");
            assertThat(entry.detail()).contains("from " + TYPO + " to " + FIXED)
                    .contains("membership (Client Portal): 1 link(s) revoked");
        });
    }

    @Test
    void aPasswordChosenThroughTheOldAddressesLinkIsClearedAndItsSessionEnds() throws Exception {
        PortalFixture.MailedLink link = importIvanAndTakeTheWelcomeLink();
        HttpSession reader = f.browser();
        Page set = reader.submit(reader.get(link.path()), link.path(),
                Map.of("password", STOLEN_PASSWORD, "confirm", STOLEN_PASSWORD));
        assertThat(set.status()).isEqualTo(303);
        reader.submit(reader.get("/"), "/login", Map.of("email", TYPO, "password", STOLEN_PASSWORD));
        assertThat(reader.get("/").text()).contains("Hello, Ivan Petrov").contains("Momentum Membership");

        f.services.contacts().edit(TYPO, FIXED, null, null, Verified.BY_PHONE, AGENT);

        assertThat(reader.get("/").text()).as("signed out").doesNotContain("Hello, Ivan")
                .doesNotContain("Momentum Membership");
        assertThat(membershipHash(FIXED)).as("back to no password").isNull();
        assertThat(f.services.contacts().card(f.services.contacts().byEmail(FIXED).id()).portal().passwordSet())
                .isFalse();
        HttpSession again = f.browser();
        again.submit(again.get("/"), "/login", Map.of("email", FIXED, "password", STOLEN_PASSWORD));
        assertThat(again.get("/").text()).doesNotContain("Hello, Ivan");
        assertThat(audit(FIXED)).anySatisfy(entry -> assertThat(entry.detail())
                .contains("1 session(s) ended, password cleared (it was set through a link mailed to " + TYPO + ")"));

        // The welcome resent to the new address asks for a password again, and its link works.
        f.services.credentials().resendWelcome(FIXED, "Momentum Membership", AGENT);
        PortalFixture.MailedLink fresh = f.latestLink();
        assertThat(to(f.smtp.getReceivedMessages()[f.received() - 1])).isEqualTo(FIXED);
        HttpSession ivan = f.browser();
        assertThat(ivan.submit(ivan.get(fresh.path()), fresh.path(),
                Map.of("password", "ivan's own long passphrase", "confirm", "ivan's own long passphrase")).status())
                .isEqualTo(303);
        ivan.submit(ivan.get("/"), "/login", Map.of("email", FIXED, "password", "ivan's own long passphrase"));
        assertThat(ivan.get("/").text()).contains("Hello, Ivan Petrov");
    }

    @Test
    void aPasswordTheAgentSetIsKeptButCommunityLinksAndEverySessionEnd() {
        f.membershipPassword("agent chosen pass phrase");
        f.communityPassword("group chosen pass phrase");
        HttpSession member = f.browser();
        member.submit(member.get("/"), "/login", Map.of("email", DANA, "password", "agent chosen pass phrase"));
        assertThat(member.get("/").text()).contains("Hello, Dana Whitfield");
        HttpSession groupie = f.browser();
        groupie.submit(groupie.get("/community/founders-circle"), "/community/founders-circle/login",
                Map.of("email", DANA, "password", "group chosen pass phrase"));
        assertThat(groupie.get("/community/founders-circle").text()).contains("Sign out");
        f.services.credentials().sendResetLink(DANA, GROUP, null, AGENT);
        PortalFixture.MailedLink communityLink = f.latestLink();
        assertThat(communityLink.prefix()).isEqualTo("/community/founders-circle");
        String membershipBefore = f.state().membershipHash();

        f.services.contacts().edit(DANA, "dana.w@example.com", null, null, Verified.BY_PHONE, AGENT);

        Page opened = f.browser().get(communityLink.path());
        assertThat(opened.status()).isEqualTo(410);
        assertThat(opened.text()).contains("no longer valid");
        assertThat(member.get("/").text()).as("membership session ended").doesNotContain("Hello, Dana");
        assertThat(groupie.get("/community/founders-circle").text()).as("community session ended")
                .doesNotContain("Sign out");
        String membershipAfter = membershipHash("dana.w@example.com");
        assertThat(membershipAfter).as("the agent's password stays").isEqualTo(membershipBefore);
        assertThat(new PasswordHasher().matches("agent chosen pass phrase", membershipAfter)).isTrue();
        HttpSession back = f.browser();
        back.submit(back.get("/"), "/login", Map.of("email", "dana.w@example.com", "password",
                "agent chosen pass phrase"));
        assertThat(back.get("/").text()).contains("Hello, Dana Whitfield");
        assertThat(audit("dana.w@example.com")).anySatisfy(entry -> assertThat(entry.detail())
                .contains("membership (Client Portal): 0 link(s) revoked, 1 session(s) ended, password kept")
                .contains("community group Founders Circle: 1 link(s) revoked, 1 session(s) ended, password kept"));
    }

    @Test
    void aWelcomeStillWaitingForTheOldAddressIsCancelledNotSentThere() throws Exception {
        Path csv = dir.resolve("ivan.csv");
        Files.writeString(csv, "email,name,offer\n" + TYPO + ",Ivan Petrov,Momentum Membership\n");
        f.services.contactImport().run(csv, true, AGENT, ImportProgress.NONE);
        f.services.workflows().runDue(); // queued, not delivered yet
        int before = f.received();

        f.services.contacts().edit(TYPO, FIXED, null, null, Verified.BY_PHONE, AGENT);
        f.services.emails().runOutbox(true);

        List<MimeMessage> arrived = Arrays.asList(f.smtp.getReceivedMessages()).subList(before, f.received());
        assertThat(arrived.stream().filter(m -> TYPO.equals(to(m)))).extracting(EmailChangeHttpTest::subject)
                .containsExactly(NOTICE_SUBJECT);
        EmailView welcome = f.services.emails().list(FIXED).stream().filter(e -> e.kind().code().equals("welcome"))
                .findFirst().orElseThrow();
        assertThat(welcome.status().code()).isEqualTo("failed");
        assertThat(welcome.lastReply()).contains("not sent").contains(FIXED);
    }

    // ---- helpers ----

    private String membershipHash(String email) {
        return f.services.transactions().read(t -> t.portalAccounts()
                .ofContact(t.contacts().byEmail(email).orElseThrow().getId())
                .orElseThrow().getCredential().getPasswordHash());
    }

    private List<AuditLog.Entry> audit(String email) {
        return f.services.audit().ofContact(f.services.contacts().byEmail(email).id());
    }

    private MimeMessage only(String recipient, String subject) {
        List<MimeMessage> found = Arrays.stream(f.smtp.getReceivedMessages())
                .filter(m -> recipient.equals(to(m)) && subject.equals(subject(m))).toList();
        assertThat(found).as("one '%s' to %s", subject, recipient).hasSize(1);
        return found.get(0);
    }

    private static String to(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
