package org.memberdesk.portal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.testsupport.TestSmtp;

/**
 * A running portal over a real data directory, with a real SMTP server (GreenMail) taking the
 * mail, a clock the test moves, and a demo business: Dana (membership offers, a community group).
 */
final class PortalFixture implements AutoCloseable {

    static final String DANA = "dana@example.com";
    static final String GROUP = "Founders Circle";
    static final String GROUP_SLUG = "founders-circle";
    static final Actor AGENT = Actor.agent("Sam (support)");

    /** A link in an email: the door's path prefix (empty for membership), the route and the token. */
    record MailedLink(String url, String path, String prefix, String route, String token) {
    }

    private static final Pattern LINK = Pattern.compile(
            "(https?://[^\\s\"<>]*?)((/community/[a-z0-9-]+)?/(reset|set-password|signin)/([A-Za-z0-9_-]{43}))");

    final TestClock clock = TestClock.at(TestServices.START);
    final GreenMail smtp;
    final Services services;
    final PortalServer portal;
    final String base;

    private PortalFixture(Path dir, Map<String, String> extraEnv, boolean smtpUp) {
        smtp = TestSmtp.startServer(0);
        Map<String, String> env = new HashMap<>(TestSmtp.env(smtpUp ? smtp.getSmtp().getPort() : TestSmtp.closedPort()));
        env.putAll(extraEnv);
        services = TestServices.open(dir, clock, env);
        services.portalAuth().forgotFloor(java.time.Duration.ofMillis(150));
        portal = new PortalServer(services);
        int port = portal.start(0);
        base = "http://localhost:" + port;
        if (!extraEnv.containsKey(PortalLinks.ENV)) {
            services.mailSettings().savePortalUrl(base, AGENT);
        }
    }

    static PortalFixture start(Path dir) {
        return new PortalFixture(dir, Map.of(), true).withDemoBusiness();
    }

    static PortalFixture start(Path dir, Map<String, String> env, boolean smtpUp) {
        return new PortalFixture(dir, env, smtpUp).withDemoBusiness();
    }

    private PortalFixture withDemoBusiness() {
        services.offers().create("Momentum Membership", "https://learn.example.com/momentum", AGENT);
        services.offers().create("Budget Bootcamp", null, AGENT);
        services.contacts().add(DANA, "Dana Whitfield", List.of(), AGENT);
        services.offers().grant(DANA, "Momentum Membership", null, AGENT);
        services.offers().grant(DANA, "Budget Bootcamp", null, AGENT);
        services.communities().create(GROUP, AGENT);
        services.communities().add(DANA, GROUP, AGENT);
        return this;
    }

    /** Gives Dana a membership password as an agent would (no email). */
    void membershipPassword(String password) {
        services.credentials().setPassword(DANA, null, password, false, AGENT);
    }

    void communityPassword(String password) {
        services.credentials().setPassword(DANA, GROUP, password, false, AGENT);
    }

    void setting(String key, String value) {
        services.transactions().write(t -> {
            t.settings().put(key, value, clock.instant());
            return null;
        });
    }

    /** Delivers the outbox and returns the links of every email received so far, oldest first. */
    List<MailedLink> deliverAndCollectLinks() {
        services.emails().runOutbox(true);
        List<MailedLink> links = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
            Matcher m = LINK.matcher(body);
            if (m.find()) {
                links.add(new MailedLink(m.group(1) + m.group(2), m.group(2),
                        m.group(3) == null ? "" : m.group(3), m.group(4), m.group(5)));
            }
        }
        return links;
    }

    /** The link in the latest email that carries one. */
    MailedLink latestLink() {
        List<MailedLink> links = deliverAndCollectLinks();
        if (links.isEmpty()) {
            throw new AssertionError("no email with a link arrived");
        }
        return links.get(links.size() - 1);
    }

    /** Everything a portal request could change, to prove a refused one changed nothing. */
    record State(long emails, long sessions, String membershipHash, String communityHash, long linksOpenedOrUsed,
                 long loginFailures, int failedCount) {
    }

    State state() {
        return services.transactions().read(t -> {
            var contact = t.contacts().byEmail(DANA).orElseThrow();
            var account = t.portalAccounts().ofContact(contact.getId()).orElseThrow();
            var group = t.communities().byName(GROUP).orElseThrow();
            var membership = t.communities().membership(contact.getId(), group.getId()).orElseThrow();
            long opened = t.tokens().ofContact(contact.getId()).stream()
                    .filter(tok -> tok.getUsedAt() != null || tok.getFirstOpenedAt() != null).count();
            return new State(t.emails().ofContact(contact.getId()).size(),
                    t.portalSessions().ofContact(contact.getId()).size(),
                    account.getCredential().getPasswordHash(), membership.getCredential().getPasswordHash(), opened,
                    t.loginFailures().ofContactSince(contact.getId(), java.time.Instant.EPOCH).size(),
                    account.getCredential().getFailedLoginCount());
        });
    }

    int received() {
        return smtp.getReceivedMessages().length;
    }

    HttpSession browser() {
        return new HttpSession(base);
    }

    @Override
    public void close() {
        portal.stop();
        services.close();
        smtp.stop();
    }
}
