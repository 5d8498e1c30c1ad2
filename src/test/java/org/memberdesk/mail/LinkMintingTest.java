package org.memberdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.memberdesk.domain.AccessScope;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.CommunityMembership;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.TokenPurpose;
import org.memberdesk.persistence.TestSessions;
import org.memberdesk.service.credentials.Tokens;
import org.memberdesk.testsupport.Bytes;

/** Links are minted when the dispatcher sends: the raw token reaches the SMTP server and nothing else. */
class LinkMintingTest extends SmtpDeliveryCase {

    static final Pattern TOKEN = Pattern.compile("/(?:reset|set-password)/([A-Za-z0-9_-]{43})");

    @Test
    void theStoredBodyHidesTheLinkAndTheSentOneCarriesAFreshTokenWhoseHashAloneIsStored() throws Exception {
        UUID dana = mail.contact("dana@example.com", "Dana", false);
        UUID id = mail.queueReset(dana);

        EmailMessage queued = mail.email(id);
        assertThat(queued.getLinkPurpose()).isEqualTo(TokenPurpose.RESET);
        assertThat(queued.getLinkTtlSeconds()).isEqualTo(Duration.ofHours(24).toSeconds());
        assertThat(queued.getBodyText()).contains("http://localhost:7321/reset/" + PortalLinks.HIDDEN_TOKEN);
        assertThat(tokens(dana)).isEmpty();

        mail.dispatcher().runDue();

        String raw = tokenIn(smtp.getReceivedMessages()[0]);
        String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]);
        assertThat(body).contains("http://localhost:7321/reset/" + raw).doesNotContain(PortalLinks.HIDDEN_TOKEN);
        CredentialToken token = tokens(dana).get(0);
        assertThat(token.getTokenHash()).isEqualTo(Tokens.hash(raw));
        assertThat(token.getPurpose()).isEqualTo(TokenPurpose.RESET);
        assertThat(token.getScope()).isEqualTo(AccessScope.MEMBERSHIP);
        assertThat(token.getEmailMessageId()).isEqualTo(id);
        assertThat(token.getExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(token.state(clock.instant())).isEqualTo(CredentialToken.State.LIVE);
        assertThat(mail.email(id).getBodyText()).as("still redacted after sending")
                .contains(PortalLinks.HIDDEN_TOKEN).doesNotContain(raw);

        assertNoFileContains(raw);
    }

    @Test
    void aNewerLinkSupersedesTheLiveOneOfTheSameCredentialOnly() throws Exception {
        UUID dana = mail.contact("dana@example.com", "Dana", false);
        CommunityGroup founders = mail.db.write(t -> {
            CommunityGroup g = new CommunityGroup("Founders Circle", clock.instant());
            t.persist(g);
            t.persist(new CommunityMembership(t.contacts().byId(dana).orElseThrow(), g, clock.instant()));
            return g;
        });
        mail.queueReset(dana);
        mail.queue(dana, (base, c) -> mail.composer.communityResetLink(base, c, founders, Duration.ofHours(24)));
        mail.dispatcher().runDue();
        clock.advance(Duration.ofMinutes(5));
        UUID second = mail.queueReset(dana);
        mail.dispatcher().runDue();

        List<CredentialToken> all = tokens(dana);
        assertThat(all).hasSize(3);
        CredentialToken community = all.stream().filter(t -> t.getScope() == AccessScope.COMMUNITY).findFirst().orElseThrow();
        assertThat(community.state(clock.instant())).as("another credential").isEqualTo(CredentialToken.State.LIVE);
        assertThat(all).filteredOn(t -> t.getScope() == AccessScope.MEMBERSHIP)
                .extracting(t -> t.state(clock.instant()), CredentialToken::getEmailMessageId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(CredentialToken.State.LIVE, second),
                        org.assertj.core.groups.Tuple.tuple(CredentialToken.State.SUPERSEDED,
                                all.stream().filter(t -> t.getScope() == AccessScope.MEMBERSHIP
                                        && !second.equals(t.getEmailMessageId())).findFirst().orElseThrow()
                                        .getEmailMessageId()));
        String communityLink = GreenMailUtil.getBody(received("Reset your Founders Circle community password"));
        assertThat(communityLink).contains("http://localhost:7321/community/founders-circle/reset/");
    }

    @Test
    void aRetriedEmailCarriesANewLinkAndTheLinkFollowsAChangedPortalUrl() throws Exception {
        UUID dana = mail.contact("dana@example.com", "Dana", false);
        UUID offer = mail.offer("Momentum Membership", null);
        UUID id = mail.queue(dana, (base, c) -> mail.composer.welcome(base, c,
                mail.db.read(t -> TestSessions.of(t).find(org.memberdesk.domain.Offer.class, offer)), false,
                Duration.ofHours(72)));
        mail.dispatcher().runDue();
        String first = tokenIn(smtp.getReceivedMessages()[0]);
        mail.db.writeVoid(t -> t.emails().byId(id).orElseThrow().markFailed("550 pretend it bounced"));

        // the admin fixes the public portal URL, then the agent retries
        mail.db.writeVoid(t -> t.settings().put(PortalLinks.URL_SETTING, "https://members.example.com/", clock.instant()));
        mail.db.writeVoid(t -> mail.outbox.retry(t, t.emails().byId(id).orElseThrow()));
        mail.dispatcher().runDue();

        MimeMessage again = smtp.getReceivedMessages()[1];
        String second = tokenIn(again);
        assertThat(second).isNotEqualTo(first);
        assertThat(GreenMailUtil.getBody(again)).contains("https://members.example.com/set-password/" + second)
                .doesNotContain("localhost");
        assertThat(mail.email(id).getStatus()).isEqualTo(EmailStatus.SENT);
        assertThat(mail.email(id).getAttempts()).isEqualTo(2);
        List<CredentialToken> all = tokens(dana);
        assertThat(all).extracting(CredentialToken::getTokenHash).containsExactlyInAnyOrder(Tokens.hash(first),
                Tokens.hash(second));
        assertThat(all).filteredOn(t -> t.getTokenHash().equals(Tokens.hash(second))).singleElement()
                .satisfies(t -> assertThat(t.getPurpose()).isEqualTo(TokenPurpose.SET_PASSWORD));
        assertNoFileContains(first);
        assertNoFileContains(second);
    }

    @Test
    void theEnvironmentsPortalUrlWinsOverTheStoredOne() {
        PortalLinks links = new PortalLinks(Map.of(PortalLinks.ENV, "https://portal.example.org/"));
        mail.db.writeVoid(t -> t.settings().put(PortalLinks.URL_SETTING, "https://members.example.com", clock.instant()));
        assertThat(mail.read(links::base)).isEqualTo("https://portal.example.org");
        assertThat(mail.read(mail.links::base)).isEqualTo("https://members.example.com");
        mail.db.writeVoid(t -> {
            t.settings().remove(PortalLinks.URL_SETTING);
            t.settings().put(PortalLinks.PORT_SETTING, "8088", clock.instant());
        });
        assertThat(mail.read(mail.links::base)).isEqualTo("http://localhost:8088");
        assertThat(PortalLinks.isLocal("http://localhost:8088")).isTrue();
        assertThat(PortalLinks.isLocal("http://127.0.0.1:7321")).isTrue();
        assertThat(PortalLinks.isLocal("https://portal.example.org")).isFalse();
    }

    private List<CredentialToken> tokens(UUID contact) {
        return mail.read(t -> new ArrayList<>(t.tokens().ofContact(contact)));
    }

    private MimeMessage received(String subject) throws Exception {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (subject.equals(m.getSubject())) {
                return m;
            }
        }
        throw new AssertionError("no message '" + subject + "'");
    }

    static String tokenIn(MimeMessage message) {
        Matcher m = TOKEN.matcher(GreenMailUtil.getBody(message));
        assertThat(m.find()).as("a link with a token").isTrue();
        return m.group(1);
    }

    /** The database file, its WAL, every other file of the data directory and the logs. */
    private void assertNoFileContains(String raw) throws IOException {
        byte[] needle = raw.getBytes(StandardCharsets.US_ASCII);
        List<Path> roots = new ArrayList<>(List.of(dir));
        String logs = System.getProperty("memberdesk.logdir");
        if (logs != null) {
            roots.add(Path.of(logs));
        }
        int scanned = 0;
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    assertThat(Bytes.indexOf(bytes, needle)).as("raw token in " + file).isEqualTo(-1);
                    scanned++;
                }
            }
        }
        assertThat(scanned).isGreaterThan(1);
        assertThat(Files.exists(dir.resolve("memberdesk.db-wal"))).as("the WAL was scanned too").isTrue();
    }
}
