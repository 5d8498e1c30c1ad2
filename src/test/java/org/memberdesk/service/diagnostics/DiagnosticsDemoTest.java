package org.memberdesk.service.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

/** The demo data set shows every finding at least once, and the two-minute demo's story holds. */
class DiagnosticsDemoTest {

    @TempDir
    static Path dir;
    static TestClock clock = TestClock.at(TestServices.START);
    static Services services;

    @BeforeAll
    static void seed() {
        services = TestServices.open(dir, clock);
        services.demo().seed();
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private static List<Concern> everyConcern() {
        List<Concern> concerns = new ArrayList<>(List.of(Concern.none(), Concern.membership()));
        services.offers().list().forEach(o -> concerns.add(Concern.offer(o.name())));
        services.communities().list().forEach(g -> concerns.add(Concern.community(g.name())));
        return concerns.stream().flatMap(c -> java.util.stream.Stream.of(c, c.andNotReceived())).toList();
    }

    @Test
    void everyFindingShowsUpSomewhereInTheDemoData() {
        Map<String, TreeSet<String>> whoShowsWhat = new TreeMap<>();
        List<Concern> concerns = everyConcern();
        for (ContactSummary contact : services.contacts().find("", 1000)) {
            for (Concern concern : concerns) {
                for (Finding finding : services.diagnostics().diagnose(contact.email(), concern)) {
                    whoShowsWhat.computeIfAbsent(finding.code(), c -> new TreeSet<>()).add(contact.email());
                    assertThat(DiagnosticCodes.ALL).contains(finding.code());
                    assertThat(finding.message()).doesNotContain("null").endsWith(".");
                    assertThat(finding.evidence().values()).doesNotContainNull();
                }
            }
        }
        assertThat(whoShowsWhat.keySet()).containsExactlyInAnyOrderElementsOf(DiagnosticCodes.ALL);
    }

    @Test
    void danasResetLinkExpiredAndSheNeverSetAPassword() {
        List<Finding> findings = services.diagnostics().diagnose("dana.whitfield@example.com",
                Concern.offer(DemoData.MEMBERSHIP));

        assertThat(findings).extracting(Finding::code).containsExactly(DiagnosticCodes.LINK_EXPIRED,
                DiagnosticCodes.PASSWORD_NEVER_SET);
        assertThat(findings.get(0).fix().action()).isEqualTo(Fix.Action.SEND_RESET_LINK);
        assertThat(findings.get(1).fixes()).extracting(Fix::action)
                .containsExactly(Fix.Action.RESEND_WELCOME, Fix.Action.SEND_RESET_LINK);
        assertThat(findings.get(1).fix().params()).containsEntry("offer", DemoData.MEMBERSHIP);
    }

    @Test
    void eachTroubleCaseLeadsWithItsOwnCause() {
        assertThat(first("marcus.bell@example.org", Concern.none())).isEqualTo(DiagnosticCodes.EMAIL_FAILED);
        assertThat(first("priya.natarajan@example.net", Concern.none())).isEqualTo(DiagnosticCodes.EMAIL_BOUNCED);
        assertThat(first("olu.adeyemi@exmaple.com", Concern.none())).isEqualTo(DiagnosticCodes.EMAIL_DOMAIN_TYPO);
        assertThat(first("\"mei lin\"@example.com", Concern.none())).isEqualTo(DiagnosticCodes.EMAIL_MALFORMED);
        assertThat(first("leo.martins@example.org", Concern.none())).isEqualTo(DiagnosticCodes.NO_ACTIVE_OFFER);
        assertThat(first("grace.omalley@example.net", Concern.offer(DemoData.MEMBERSHIP)))
                .isEqualTo(DiagnosticCodes.OFFER_REVOKED);
        assertThat(first("tomas.novak@example.com", Concern.offer(DemoData.BOOTCAMP)))
                .isEqualTo(DiagnosticCodes.OFFER_EXPIRED);
        assertThat(first("aisha.rahman@example.org", Concern.offer(DemoData.MEMBERSHIP)))
                .isEqualTo(DiagnosticCodes.WRONG_MEMBERSHIP);
        assertThat(first("ben.carter@example.com", Concern.none())).isEqualTo(DiagnosticCodes.ACCOUNT_LOCKED);
        assertThat(first("ivy.chen@example.com", Concern.community(DemoData.FOUNDERS)))
                .isEqualTo(DiagnosticCodes.NOT_IN_COMMUNITY);
        assertThat(first("mateo.silva@example.net", Concern.membership()))
                .isEqualTo(DiagnosticCodes.COMMUNITY_ACCESS_ONLY);
        assertThat(first("kwame.asante@example.net", Concern.community(DemoData.ALUMNI)))
                .isEqualTo(DiagnosticCodes.LINK_EXPIRED);
        assertThat(first("raj.patel@example.com", Concern.none())).isEqualTo(DiagnosticCodes.LINK_OPENED_BY_SCANNER);
        assertThat(first("lars.eriksson@example.org", Concern.none())).isEqualTo(DiagnosticCodes.LINK_SUPERSEDED);
        assertThat(first("zoe.laurent@example.net", Concern.offer(DemoData.MORNINGS).andNotReceived()))
                .isEqualTo(DiagnosticCodes.PASSWORD_NEVER_SET);
        assertThat(services.diagnostics().diagnose("zoe.laurent@example.net", Concern.emailNeverArrived()))
                .extracting(Finding::code).contains(DiagnosticCodes.EMAIL_SENT_CHECK_SPAM);
    }

    @Test
    void happyMembersHaveNothingToFix() {
        assertThat(services.diagnostics().diagnose("amelia.clarke@example.com", Concern.none())).isEmpty();
        assertThat(services.diagnostics().diagnose("kenji.watanabe@example.org", Concern.membership())).isEmpty();
    }

    @Test
    void applyingAFixOnTheDemoUnlocksBen() {
        Finding locked = services.diagnostics().diagnose("ben.carter@example.com", Concern.none()).get(0);

        FixResult result = services.diagnostics().applyFix("ben.carter@example.com", locked.fix(),
                Actor.agent("Sam (support)"));

        assertThat(result.changed()).isTrue();
        assertThat(services.diagnostics().diagnose("ben.carter@example.com", Concern.none())).isEmpty();
    }

    private static String first(String email, Concern concern) {
        List<Finding> findings = services.diagnostics().diagnose(email, concern);
        assertThat(findings).as("findings for %s", email).isNotEmpty();
        return findings.get(0).code();
    }
}
