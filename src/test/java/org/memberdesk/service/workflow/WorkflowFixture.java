package org.memberdesk.service.workflow;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.domain.TriggerEvent;
import org.memberdesk.domain.TriggerType;
import org.memberdesk.persistence.TestSessions;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.portal.PortalAuthService;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.testsupport.TestSmtp;

/**
 * The back end on a real SQLite file in a temp dir, mail going to a real GreenMail on a free port,
 * with a movable clock; reopened like a restarted process.
 */
final class WorkflowFixture implements AutoCloseable {

    static final Actor AGENT = Actor.agent("Sam (support)");

    final Path dir;
    final TestClock clock;
    final GreenMail smtp;
    Services services;

    WorkflowFixture(Path dir) {
        this(dir, TestClock.at(TestServices.START));
    }

    WorkflowFixture(Path dir, TestClock clock) {
        this.dir = dir;
        this.clock = clock;
        this.smtp = TestSmtp.startServer(0);
        this.services = open();
    }

    Services open() {
        return TestServices.open(dir, clock, env());
    }

    Map<String, String> env() {
        return TestSmtp.env(smtp.getSmtp().getPort());
    }

    /** Closes the services and opens them again, as a restarted process would. */
    void restart() {
        services.close();
        services = open();
    }

    WorkflowService workflows() {
        return services.workflows();
    }

    ContactSummary contact(String email, String... tags) {
        return services.contacts().add(email, email.substring(0, email.indexOf('@')), List.of(tags), AGENT);
    }

    void offer(String name) {
        services.offers().create(name, null, AGENT);
    }

    void grant(String email, String offer) {
        services.offers().grant(email, offer, null, AGENT);
    }

    /** A failed Client Portal sign-in, through the portal's own service (login_failure and trigger event). */
    void failedLogin(String email) {
        services.portalAuth().signIn(email, "not the password", PortalAuthService.Door.MEMBERSHIP);
    }

    /**
     * What a bulk grant (an import, {@code offers grant} in a loop) leaves: contacts with portal
     * accounts, an active grant of the offer and its "Offer Access Granted" event each, written
     * through a stateless session in one transaction. Emails are memberNNNNN@example.net.
     */
    static void bulkGrants(Services services, String offerName, int count, Instant now) {
        Offer offer = services.transactions().read(t -> t.offers().byName(offerName).orElseThrow());
        services.transactions().database().bulk(s -> {
            for (int i = 0; i < count; i++) {
                Contact c = new Contact(String.format("member%05d@example.net", i), "Member " + i, List.of(), now);
                s.insert(c);
                s.insert(new PortalAccount(c, now));
                s.insert(new OfferGrant(c, offer, now, null, "bulk"));
                s.insert(new TriggerEvent(TriggerType.OFFER_ACCESS_GRANTED, c, offer, null, now));
            }
            return null;
        });
    }

    /** Welcome emails per contact: the most any contact got, and how many contacts got one. */
    long[] welcomeSpread() {
        return services.transactions().read(t -> {
            List<Long> perContact = TestSessions.of(t).createSelectionQuery(
                    "select count(m) from EmailMessage m where m.kind = :k group by m.contact.id", Long.class)
                    .setParameter("k", EmailKind.WELCOME).getResultList();
            return new long[]{perContact.stream().mapToLong(Long::longValue).max().orElse(0), perContact.size()};
        });
    }

    List<EmailView> emails(String email) {
        return services.emails().list(email);
    }

    List<EmailView> emails(String email, String kind) {
        return emails(email).stream().filter(e -> e.kind().code().equals(kind)).toList();
    }

    long welcomes() {
        return services.transactions().read(t -> TestSessions.of(t).createSelectionQuery(
                "select count(m) from EmailMessage m where m.kind = :k", Long.class)
                .setParameter("k", EmailKind.WELCOME).getSingleResult());
    }

    List<AuditLog.Entry> audit(String email) {
        UUID id = services.contacts().byEmail(email).id();
        return services.audit().ofContact(id);
    }

    List<String> tags(String email) {
        return services.contacts().byEmail(email).tags();
    }

    List<WorkflowRunView> runs(String workflow) {
        return workflows().runs(workflow, 1000);
    }

    List<WorkflowRunView> runsOf(String email) {
        return workflows().runsForContact(services.contacts().byEmail(email).id());
    }

    Instant now() {
        return clock.instant();
    }


    @Override
    public void close() {
        services.close();
        smtp.stop();
    }
}
