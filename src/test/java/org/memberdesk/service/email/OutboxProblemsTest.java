package org.memberdesk.service.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.Origin;
import org.memberdesk.mail.LinkTtl;
import org.memberdesk.mail.ScriptedSmtpServer;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.UserError;
import org.memberdesk.testsupport.SmtpServicesCase;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.testsupport.TestSmtp;

/**
 * After an outage: failed emails listed across contacts and retried in bulk, skipping a contact who
 * has had a newer email of the kind, a hard bounce, and what still retries by itself.
 */
class OutboxProblemsTest extends SmtpServicesCase {

    Actor agent = Actor.agent("Sam (support)");
    Instant start;
    UUID hanaWelcome;
    UUID anaWelcome;
    UUID benWelcome;
    UUID cyReset;
    UUID deeReset;

    @BeforeEach
    void outage() throws Exception {
        start = clock.instant();
        services.offers().create("Momentum Membership", null, agent);
        UUID hana = services.contacts().add("hana@example.com", "Hana", List.of(), agent).id();
        UUID ana = services.contacts().add("ana@example.com", "Ana", List.of(), agent).id();
        UUID ben = services.contacts().add("ben@example.com", "Ben", List.of(), agent).id();
        UUID cy = services.contacts().add("cy@example.com", "Cy", List.of(), agent).id();
        UUID dee = services.contacts().add("dee@example.com", "Dee", List.of(), agent).id();

        // a server that refuses the recipient: a hard bounce
        hanaWelcome = queueWelcome(hana);
        try (ScriptedSmtpServer refusing = new ScriptedSmtpServer("550 5.1.1 <hana@example.com>: no such user");
             Services other = TestServices.open(dir, clock, TestSmtp.env(refusing.port()))) {
            other.emails().runOutbox(true);
        }
        clock.advance(Duration.ofMinutes(1));

        // the server is down: three emails retry until they fail
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        anaWelcome = queueWelcome(ana);
        clock.advance(Duration.ofMinutes(1));
        benWelcome = queueWelcome(ben);
        clock.advance(Duration.ofMinutes(1));
        cyReset = queueReset(cy);
        for (int i = 0; i < 8; i++) {
            services.emails().runOutbox(true);
            clock.advance(Duration.ofHours(1));
        }
        deeReset = queueReset(dee);
        services.emails().runOutbox(true);

        // back up; Ben has had his welcome again meanwhile
        smtp = TestSmtp.startServer(port);
        services.transactions().write(t -> services.outbox().enqueue(t, t.contacts().byId(ben).orElseThrow(),
                services.composer().welcome(services.portalLinks().base(t), t.contacts().byId(ben).orElseThrow(),
                        t.offers().byName("Momentum Membership").orElseThrow(), false, LinkTtl.setPassword(t)),
                Origin.AGENT, "Sam (support)", benWelcome).getId());
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void listsFailedAndRetryingEmailsAcrossContactsNewestFirstWithTheLastReply() {
        List<OutboxProblem> all = services.outboxProblems().list(ProblemWindow.any());

        assertThat(all).extracting(p -> p.email().id())
                .containsExactly(deeReset, cyReset, benWelcome, anaWelcome, hanaWelcome);
        assertThat(all.get(0).email().status()).isEqualTo(EmailView.Status.RETRYING);
        assertThat(all.get(1)).satisfies(cy -> {
            assertThat(cy.contactEmail()).isEqualTo("cy@example.com");
            assertThat(cy.contactName()).isEqualTo("Cy");
            assertThat(cy.email().kind()).isEqualTo(EmailView.Kind.RESET_LINK);
            assertThat(cy.email().status()).isEqualTo(EmailView.Status.FAILED);
            assertThat(cy.email().attempts()).isEqualTo(8);
            assertThat(cy.email().lastReply()).contains("gave up after 8 attempts");
            assertThat(cy.hardBounce()).isFalse();
        });
        assertThat(all.get(4).email().lastReply()).startsWith("550 5.1.1");
        assertThat(all.get(4).hardBounce()).isTrue();

        assertThat(services.outboxProblems().list(ProblemWindow.of(null, null, "reset-link")))
                .extracting(p -> p.email().id()).containsExactly(deeReset, cyReset);
        assertThat(services.outboxProblems().list(ProblemWindow.of(start.plusSeconds(30), start.plusSeconds(150), null)))
                .extracting(p -> p.email().id()).containsExactly(benWelcome, anaWelcome);
        assertThatThrownBy(() -> ProblemWindow.of(null, null, "postcard"))
                .isInstanceOf(UserError.class).hasMessageContaining("postcard");
        assertThatThrownBy(() -> ProblemWindow.of(start, start, null))
                .isInstanceOf(UserError.class).hasMessageContaining("empty");
    }

    @Test
    void aDryRunPlansTheRetryWithTheReasonsAndChangesNothing() {
        BulkRetryResult plan = services.outboxProblems().plan(window(false, 0));

        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.retried()).extracting(s -> s.problem().email().id()).containsExactly(cyReset, anaWelcome);
        assertThat(plan.skipped()).extracting(s -> s.problem().email().id(), BulkRetryStep::skipped)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(deeReset, BulkRetryStep.Skip.STILL_RETRYING),
                        org.assertj.core.groups.Tuple.tuple(benWelcome, BulkRetryStep.Skip.NEWER_EMAIL),
                        org.assertj.core.groups.Tuple.tuple(hanaWelcome, BulkRetryStep.Skip.HARD_BOUNCE));
        assertThat(plan.skipped().get(2).why()).contains("550 5.1.1");
        assertThat(services.outboxProblems().list(ProblemWindow.any())).hasSize(5)
                .allSatisfy(p -> assertThat(p.email().status()).isIn(EmailView.Status.FAILED,
                        EmailView.Status.RETRYING));
        assertThat(services.audit().latest(100)).noneMatch(e -> e.action().equals("email.retried"));

        assertThat(services.outboxProblems().plan(window(true, 0)).retried())
                .extracting(s -> s.problem().email().id()).containsExactly(cyReset, anaWelcome, hanaWelcome);
    }

    @Test
    void retriesTheFailedEmailsAtTheRateAskedAndTheyAreDelivered() {
        List<Instant> waitedUntil = new ArrayList<>();
        OutboxProblems paced = new OutboxProblems(services.transactions(), clock, services.emails(),
                (when, cancelled) -> {
                    waitedUntil.add(when);
                    clock.set(when);
                    return true;
                });
        List<Integer> done = new ArrayList<>();
        Instant retryStart = clock.instant();

        BulkRetryResult result = paced.retry(window(false, 2), agent, (step, n, total) -> done.add(n));

        assertThat(result.dryRun()).isFalse();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.retried()).extracting(s -> s.problem().email().id()).containsExactly(cyReset, anaWelcome);
        assertThat(result.skipped()).hasSize(3);
        assertThat(done).containsExactly(1, 2);
        assertThat(waitedUntil).containsExactly(retryStart.plusSeconds(30));
        assertThat(services.audit().latest(100)).filteredOn(e -> e.action().equals("email.retried")).hasSize(2);

        services.emails().runOutbox(true);

        assertThat(services.emails().detail(cyReset).email().status()).isEqualTo(EmailView.Status.SENT);
        assertThat(services.emails().detail(anaWelcome).email().status()).isEqualTo(EmailView.Status.SENT);
        assertThat(services.emails().detail(hanaWelcome).email().status()).isEqualTo(EmailView.Status.FAILED);
        assertThat(services.emails().detail(benWelcome).email().status()).isEqualTo(EmailView.Status.FAILED);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(TestSmtp::recipients))
                .containsExactlyInAnyOrder("[cy@example.com]", "[ana@example.com]", "[ben@example.com]",
                        "[dee@example.com]");
    }

    @Test
    void aCancelledRetryStopsBetweenTwoEmailsAndSaysWhatItDidNotReach() {
        List<BulkRetryStep> seen = new ArrayList<>();
        BulkRetryResult result = services.outboxProblems().retry(window(false, 0), agent, new BulkRetryProgress() {
            @Override
            public void step(BulkRetryStep step, int done, int total) {
                seen.add(step);
            }

            @Override
            public boolean cancelled() {
                return !seen.isEmpty();
            }
        });

        assertThat(result.cancelled()).isTrue();
        assertThat(result.retried()).extracting(s -> s.problem().email().id()).containsExactly(cyReset);
        assertThat(result.notReached()).extracting(s -> s.problem().email().id()).containsExactly(anaWelcome);
        assertThat(services.emails().detail(anaWelcome).email().status()).isEqualTo(EmailView.Status.FAILED);
    }

    @Test
    void retryingChosenEmailsRetriesAHardBounceTooAndSkipsWhatIsNotFailed() {
        BulkRetryResult result = services.outboxProblems().retry(List.of(hanaWelcome, deeReset), agent);

        assertThat(result.retried()).extracting(s -> s.problem().email().id()).containsExactly(hanaWelcome);
        assertThat(result.skipped()).extracting(BulkRetryStep::skipped)
                .containsExactly(BulkRetryStep.Skip.STILL_RETRYING);
        assertThat(services.emails().detail(hanaWelcome).email().status()).isEqualTo(EmailView.Status.QUEUED);
        assertThat(services.outboxProblems().retry(List.of(hanaWelcome), agent).skipped())
                .extracting(BulkRetryStep::skipped).containsExactly(BulkRetryStep.Skip.CHANGED_MEANWHILE);
    }

    @Test
    void aBulkRetryNeedsAWindowAndAPositiveRate() {
        assertThatThrownBy(() -> new BulkRetryRequest(ProblemWindow.of(start, null, null), false, 0))
                .isInstanceOf(UserError.class).hasMessageContaining("since and until");
        assertThatThrownBy(() -> window(false, -1)).isInstanceOf(UserError.class).hasMessageContaining("rate");
    }

    @Test
    void aHardBounceIsARefusedRecipientNotOurSettingsNorAnOutage() {
        assertThat(HardBounce.is("550 5.1.1 <x@example.com>: Recipient address rejected: User unknown")).isTrue();
        assertThat(HardBounce.is("553 mailbox name not allowed")).isTrue();
        assertThat(HardBounce.is("554 5.1.2 Host or domain name not found")).isTrue();
        assertThat(HardBounce.is("554 no such user here")).isTrue();
        assertThat(HardBounce.is("530 5.7.0 Authentication required")).isFalse();
        assertThat(HardBounce.is("451 4.3.0 try again later (gave up after 8 attempts)")).isFalse();
        assertThat(HardBounce.is("connection to 127.0.0.1:25 lost: Connection refused")).isFalse();
        assertThat(HardBounce.is(null)).isFalse();
    }

    private BulkRetryRequest window(boolean includeHardBounces, int perMinute) {
        return new BulkRetryRequest(new ProblemWindow(start, clock.instant().plusSeconds(1), null), includeHardBounces,
                perMinute);
    }

    private UUID queueWelcome(UUID contactId) {
        return services.transactions().write(t -> {
            Contact c = t.contacts().byId(contactId).orElseThrow();
            Offer o = t.offers().byName("Momentum Membership").orElseThrow();
            EmailMessage m = services.outbox().enqueue(t, c, services.composer().welcome(services.portalLinks().base(t),
                    c, o, false, LinkTtl.setPassword(t)), Origin.WORKFLOW, "Welcome new members", null);
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
}
