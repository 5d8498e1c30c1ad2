package org.memberdesk.service.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.testsupport.ServicesCase;

class DemoDataTest extends ServicesCase {


    @Test
    void seedsAStoryWorthTellingOnlyIntoAnEmptyDatabase() {
        assertThat(services.demo().isEmpty()).isTrue();
        int contacts = services.demo().seed();

        assertThat(contacts).isGreaterThanOrEqualTo(40);
        assertThat(services.demo().isDemoDatabase()).isTrue();
        assertThat(services.demo().isEmpty()).isFalse();
        assertThatThrownBy(() -> services.demo().seed()).isInstanceOf(UserError.class);
        assertThat(services.contacts().count()).isEqualTo(contacts);
    }

    @Test
    void everyAddressIsReservedForExamples() {
        services.demo().seed();
        List<ContactSummary> all = services.contacts().find("", 1000);
        assertThat(all).allSatisfy(c -> assertThat(c.email()).matches(".*@(ex[am]+ple)\\.(com|org|net)"));
    }

    @Test
    void danaCannotLogInBecauseHerResetLinkExpiredAndSheNeverSetAPassword() {
        services.demo().seed();
        ContactSummary dana = services.contacts().find("dana").get(0);
        ContactCard card = services.contacts().card(dana.id());

        assertThat(card.contact().name()).isEqualTo("Dana Whitfield");
        assertThat(card.portal().passwordSet()).isFalse();
        assertThat(card.activeOffers()).hasSize(2);
        assertThat(card.emails()).extracting(e -> e.kind().code()).contains("reset-link", "welcome");
        assertThat(card.emails().get(0).kind().code()).isEqualTo("reset-link");
    }

    @Test
    void coversEveryTroubleCase() {
        services.demo().seed();
        List<ContactCard> cards = services.contacts().find("", 1000).stream()
                .map(c -> services.contacts().card(c.id())).toList();

        Set<String> emailStates = cards.stream().flatMap(c -> c.emails().stream()).map(e -> e.status().code())
                .collect(Collectors.toSet());
        assertThat(emailStates).contains("sent", "failed", "retrying");
        assertThat(cards.stream().flatMap(c -> c.emails().stream()))
                .anySatisfy(e -> assertThat(e.lastReply()).startsWith("550"))
                .anySatisfy(e -> assertThat(e.lastReply()).startsWith("421"));
        Set<String> grantStates = cards.stream().flatMap(c -> c.offers().stream()).map(g -> g.status().code())
                .collect(Collectors.toSet());
        assertThat(grantStates).contains("active", "revoked", "expired");
        assertThat(cards).anySatisfy(c -> assertThat(c.offers()).isEmpty());
        assertThat(cards).anySatisfy(c -> assertThat(c.portal().locked()).isTrue());
        assertThat(cards).anySatisfy(c -> assertThat(c.portal().passwordSet()).isFalse());
        assertThat(cards).anySatisfy(c -> assertThat(c.communities()).isNotEmpty());
        assertThat(cards).filteredOn(c -> c.activeOffers().size() > 0 && c.portal().passwordSet()
                && !c.portal().locked()).hasSizeGreaterThan(15);
    }

    @Test
    void benStaysLockedUntilSomeoneUnlocksHim() {
        services.demo().seed();
        java.util.UUID ben = services.contacts().find("ben.carter").get(0).id();

        clock.advance(java.time.Duration.ofDays(1));

        assertThat(services.contacts().card(ben).portal().locked()).isTrue();
        assertThat(services.diagnostics().diagnose("ben.carter@example.com",
                org.memberdesk.service.diagnostics.Concern.none()).get(0)).satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(org.memberdesk.service.diagnostics.DiagnosticCodes.ACCOUNT_LOCKED);
            assertThat(finding.message()).endsWith("is locked after repeated failed logins until someone unlocks it.");
        });
        assertThat(services.credentials().unlock("ben.carter@example.com", null, Actor.agent("trainer"))).isTrue();
        assertThat(services.contacts().card(ben).portal().locked()).isFalse();
        assertThat(services.credentials().unlock("ben.carter@example.com", null, Actor.agent("trainer"))).isFalse();
    }
}
