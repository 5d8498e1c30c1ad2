package org.memberdesk.service.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.memberdesk.testsupport.Verified;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.Origin;
import org.memberdesk.mail.LinkTtl;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.credentials.LoginDetails;
import org.memberdesk.service.credentials.Tokens;
import org.memberdesk.testsupport.Await;
import org.memberdesk.testsupport.SmtpServicesCase;
import org.memberdesk.testsupport.TestSmtp;

class EmailServiceTest extends SmtpServicesCase {

    Actor agent = Actor.agent("Sam (support)");

    @BeforeEach
    void open() {
        services.offers().create("Momentum Membership", null, agent);
        services.offers().create("Budget Bootcamp", "https://learn.example.com/bootcamp", agent);
    }

    @Test
    void listsTheHistoryNewestFirstAndFiltersByKindAndStatus() {
        ContactSummary dana = services.contacts().add("dana@example.com", "Dana", List.of(), agent);
        queueWelcome(dana.id(), "Momentum Membership", null);
        clock.advance(Duration.ofMinutes(1));
        queueReset(dana.id());

        OutboxRunResult run = services.emails().runOutbox(true);

        assertThat(run.sent()).isEqualTo(2);
        assertThat(run.waiting()).isZero();
        assertThat(services.emails().list("DANA@example.com")).extracting(e -> e.kind().code())
                .containsExactly("reset-link", "welcome");
        assertThat(services.emails().list(dana.id(), "reset-link", null)).hasSize(1);
        assertThat(services.emails().list(dana.id(), null, "sent")).hasSize(2);
        assertThat(services.emails().list(dana.id(), "welcome", "failed")).isEmpty();
        assertThatThrownBy(() -> services.emails().list(dana.id(), "postcard", null))
                .isInstanceOf(UserError.class).hasMessageContaining("postcard");
        assertThat(services.emails().outboxCounts().sent()).isEqualTo(2);
    }

    @Test
    void detailShowsTheStoredMessageWithItsLinkHiddenAndTheLinksState() {
        ContactSummary dana = services.contacts().add("dana@example.com", "Dana", List.of(), agent);
        UUID reset = queueReset(dana.id());
        services.emails().runOutbox(false);

        EmailDetail detail = services.emails().detail(reset);

        assertThat(detail.email().status().code()).isEqualTo("sent");
        assertThat(detail.email().lastReply()).startsWith("250");
        assertThat(detail.email().origin().code()).isEqualTo("agent");
        assertThat(detail.bodyText()).contains("/reset/" + PortalLinks.HIDDEN_TOKEN);
        assertThat(detail.bodyHtml()).contains("/reset/" + PortalLinks.HIDDEN_TOKEN);
        assertThat(detail.linkPurpose().code()).isEqualTo("reset");
        assertThat(detail.linkTtlSeconds()).isEqualTo(Duration.ofHours(24).toSeconds());
        assertThat(detail.retryable()).isFalse();
        assertThat(detail.links()).singleElement().satisfies(link -> {
            assertThat(link.state().code()).isEqualTo("live");
            assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        });
        assertThatThrownBy(() -> services.emails().detail(UUID.randomUUID())).isInstanceOf(UserError.class);
    }

    @Test
    void retryResendsOnlyAFailedEmailToTheContactsCurrentAddressAndIsAudited() throws Exception {
        ContactSummary olu = services.contacts().add("olu.adeyemi@exmaple.com", "Olu Adeyemi", List.of(), agent);
        UUID welcome = queueWelcome(olu.id(), "Momentum Membership", null);
        services.emails().runOutbox(true);
        assertThatThrownBy(() -> services.emails().retry(welcome, agent))
                .isInstanceOf(UserError.class).hasMessage("only a failed email can be retried; this one is sent");
        services.transactions().write(t -> {
            t.emails().byId(welcome).orElseThrow().markFailed("550 5.1.2 <olu.adeyemi@exmaple.com>: Host or domain name not found");
            return null;
        });
        services.contacts().edit("olu.adeyemi@exmaple.com", "olu.adeyemi@example.com", null, null, Verified.BY_PHONE, agent);

        EmailView retried = services.emails().retry(welcome.toString(), agent);

        assertThat(retried.status().code()).isEqualTo("queued");
        assertThat(retried.recipient()).isEqualTo("olu.adeyemi@example.com");
        assertThat(services.audit().ofContact(olu.id())).filteredOn(e -> e.action().equals("email.retried"))
                .singleElement().satisfies(e -> {
                    assertThat(e.agent()).isEqualTo("Sam (support)");
                    assertThat(e.detail()).contains("550 5.1.2", "now to olu.adeyemi@example.com");
                });
        services.emails().runOutbox(true);
        // The email change also told the old address (issue 18); the retried welcome is the other email.
        EmailView sent = services.emails().list(olu.id()).stream().filter(e -> e.kind().code().equals("welcome"))
                .findFirst().orElseThrow();
        assertThat(sent.id()).isEqualTo(welcome);
        assertThat(sent.status().code()).isEqualTo("sent");
        assertThat(sent.attempts()).isEqualTo(2);
        MimeMessage last = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> !GreenMailUtil.getBody(m).contains("email address of your account was changed"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.getAllRecipients()[0].toString()).isEqualTo("olu.adeyemi@example.com");
        assertThat(GreenMailUtil.getBody(last)).contains("olu.adeyemi@example.com").doesNotContain("exmaple");
        assertThatThrownBy(() -> services.emails().retry("not-an-id", agent)).isInstanceOf(UserError.class);
    }

    @Test
    void findsTheOriginalWelcomeOfAnOffer() {
        ContactSummary dana = services.contacts().add("dana@example.com", "Dana", List.of(), agent);
        UUID first = queueWelcome(dana.id(), "Momentum Membership", null);
        clock.advance(Duration.ofDays(3));
        queueWelcome(dana.id(), "Momentum Membership", first);
        UUID bootcamp = queueWelcome(dana.id(), "Budget Bootcamp", null);
        UUID membershipId = offerId("Momentum Membership");

        assertThat(services.emails().originalWelcome(dana.id(), membershipId)).map(EmailView::id).contains(first);
        assertThat(services.emails().originalWelcome(dana.id(), offerId("Budget Bootcamp"))).map(EmailView::id)
                .contains(bootcamp);
        ContactSummary other = services.contacts().add("x@example.com", "X", List.of(), agent);
        assertThat(services.emails().originalWelcome(other.id(), membershipId)).isEmpty();
    }

    @Test
    void copyLoginDetailsGivesAFreshSetPasswordLinkOnlyWithoutAPasswordAndNeverStoresIt() throws Exception {
        ContactSummary dana = services.contacts().add("dana@example.com", "Dana", List.of(), agent);
        services.offers().grant("dana@example.com", "Budget Bootcamp", null, agent);
        queueReset(dana.id());
        services.emails().runOutbox(true);

        LoginDetails details = services.emails().copyLoginDetails(dana.id(), agent);

        assertThat(details.loginUrl()).isEqualTo("http://localhost:7321/");
        assertThat(details.loginEmail()).isEqualTo("dana@example.com");
        assertThat(details.setPasswordLink()).matches("http://localhost:7321/set-password/[A-Za-z0-9_-]{43}");
        assertThat(details.setPasswordLinkExpiresAt()).isEqualTo(clock.instant().plus(LinkTtl.SET_PASSWORD));
        assertThat(details.clipboardText()).contains(details.loginUrl(), "dana@example.com",
                details.setPasswordLink(), "72 hours");
        String raw = details.setPasswordLink().substring(details.setPasswordLink().lastIndexOf('/') + 1);
        assertThat(details.toString()).doesNotContain(raw);
        List<CredentialToken> tokens = tokens(dana.id());
        assertThat(tokens).hasSize(2);
        assertThat(tokens).filteredOn(t -> t.getTokenHash().equals(Tokens.hash(raw))).singleElement()
                .satisfies(t -> assertThat(t.state(clock.instant())).isEqualTo(CredentialToken.State.LIVE));
        assertThat(tokens).filteredOn(t -> !t.getTokenHash().equals(Tokens.hash(raw))).singleElement()
                .satisfies(t -> assertThat(t.state(clock.instant())).as("the emailed reset link")
                        .isEqualTo(CredentialToken.State.SUPERSEDED));
        assertThat(services.audit().ofContact(dana.id())).filteredOn(e -> e.action().equals("login-details.copied"))
                .singleElement().satisfies(e -> assertThat(e.detail()).doesNotContain(raw).contains("set-password"));
        assertNoFileContains(raw);

        LoginDetails bootcamp = services.emails().copyLoginDetails(dana.id(), offerId("Budget Bootcamp"), agent);
        assertThat(bootcamp.loginUrl()).isEqualTo("https://learn.example.com/bootcamp");
        assertThat(bootcamp.offer()).isEqualTo("Budget Bootcamp");
        assertThatThrownBy(() -> services.emails().copyLoginDetails(dana.id(), offerId("Momentum Membership"), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("does not have that offer");

        ContactSummary ben = services.contacts().add("ben@example.com", "Ben", List.of(), agent);
        services.transactions().write(t -> {
            t.portalAccounts().ofContact(ben.id()).orElseThrow().getCredential()
                    .setPasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g", clock.instant());
            return null;
        });
        LoginDetails withPassword = services.emails().copyLoginDetails(ben.id(), agent);
        assertThat(withPassword.includesSetPasswordLink()).isFalse();
        assertThat(withPassword.clipboardText()).doesNotContain("set-password", "assword:");
        assertThat(tokens(ben.id())).isEmpty();
    }

    @Test
    void runOutboxSaysWhatIsStillWaitingWhenTheServerIsDown() {
        ContactSummary dana = services.contacts().add("dana@example.com", "Dana", List.of(), agent);
        smtp.stop();
        queueReset(dana.id());

        OutboxRunResult run = services.emails().runOutbox(true);

        assertThat(run.sent()).isZero();
        assertThat(run.retrying()).isEqualTo(1);
        assertThat(run.waiting()).isEqualTo(1);
        assertThat(run.nextDueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        EmailView retrying = services.emails().list(dana.id()).get(0);
        assertThat(retrying.status().code()).isEqualTo("retrying");
        assertThat(retrying.lastReply()).contains("Connection refused");
        smtp = TestSmtp.startServer(0);
    }

    @Test
    void deliveryProgressReachesSubscribersAsPlainValues() {
        ContactSummary dana = services.contacts().add("dana@example.com", "Dana", List.of(), agent);
        queueReset(dana.id());
        queueWelcome(dana.id(), "Momentum Membership", null);
        List<DeliveryProgress> seen = new ArrayList<>();
        Runnable unsubscribe = services.emails().onDelivery(seen::add);

        services.emails().runOutbox(true);

        assertThat(seen).extracting(p -> p.phase().code()).startsWith("batch-started").endsWith("batch-finished")
                .contains("message-updated");
        assertThat(seen).filteredOn(p -> p.status() == EmailView.Status.SENT).hasSize(2)
                .allSatisfy(p -> assertThat(p.contactId()).isEqualTo(dana.id()));
        assertThat(seen.get(0).batchSize()).isEqualTo(2);
        unsubscribe.run();
        seen.clear();
        queueReset(dana.id());
        services.emails().runOutbox(true);
        assertThat(seen).isEmpty();
    }

    @Test
    void theBackgroundDispatcherStartsAndStopsWithTheServices() throws Exception {
        ContactSummary dana = services.contacts().add("dana@example.com", "Dana", List.of(), agent);
        services.emails().startBackgroundDelivery();
        assertThat(services.emails().backgroundDeliveryRunning()).isTrue();
        UUID id = queueReset(dana.id());

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
        Await.until(Duration.ofSeconds(10), () -> services.emails().detail(id).email().status().code().equals("sent"),
                "the delivered email to be marked sent");
        assertThat(services.emails().detail(id).email().status().code()).isEqualTo("sent");
        services.emails().stopBackgroundDelivery();
        assertThat(services.emails().backgroundDeliveryRunning()).isFalse();
    }

    // ---- helpers: what the credential and offer use cases will do ----

    private UUID queueWelcome(UUID contactId, String offerName, UUID resendOf) {
        return services.transactions().write(t -> {
            Contact c = t.contacts().byId(contactId).orElseThrow();
            Offer o = t.offers().byName(offerName).orElseThrow();
            boolean hasPassword = t.portalAccounts().ofContact(contactId).orElseThrow().getCredential().hasPassword();
            EmailMessage m = services.outbox().enqueue(t, c, services.composer().welcome(services.portalLinks().base(t),
                    c, o, hasPassword, LinkTtl.setPassword(t)), Origin.WORKFLOW, "Welcome new members", resendOf);
            return m.getId();
        });
    }

    private UUID queueReset(UUID contactId) {
        return services.transactions().write(t -> {
            Contact c = t.contacts().byId(contactId).orElseThrow();
            return services.outbox().enqueue(t, c, services.composer().resetLink(services.portalLinks().base(t), c,
                    LinkTtl.agentReset(t)), Origin.AGENT, "Sam (support)").getId();
        });
    }

    private UUID offerId(String name) {
        return services.transactions().read(t -> t.offers().byName(name).orElseThrow().getId());
    }

    private List<CredentialToken> tokens(UUID contactId) {
        return services.transactions().read(t -> new ArrayList<>(t.tokens().ofContact(contactId)));
    }

    private void assertNoFileContains(String raw) throws Exception {
        List<Path> roots = new ArrayList<>(List.of(dir));
        if (System.getProperty("memberdesk.logdir") != null) {
            roots.add(Path.of(System.getProperty("memberdesk.logdir")));
        }
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .as(file.toString()).doesNotContain(raw);
                }
            }
        }
    }
}
