package org.memberdesk.service.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.testsupport.ServicesCase;

class OfferServiceTest extends ServicesCase {

    Actor agent = Actor.agent("tester");

    @BeforeEach
    void open() {
        services.contacts().add("dana@example.com", "Dana", List.of(), agent);
        services.offers().create("Gold Membership", "https://members.example.com/login", agent);
    }

    private long pendingTriggers() {
        return services.transactions().read(t -> (long) t.triggers().pending(1000).size());
    }

    @Test
    void offerNamesAreUniqueIgnoringCaseAndLoginUrlsAreChecked() {
        assertThatThrownBy(() -> services.offers().create("gold MEMBERSHIP", null, agent))
                .isInstanceOf(UserError.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> services.offers().create("Silver", "ftp://example.com", agent))
                .isInstanceOf(UserError.class).hasMessageContaining("http");
        assertThat(services.offers().list()).extracting(OfferView::name).containsExactly("Gold Membership");
    }

    @Test
    void grantFiresOfferAccessGrantedOnceAndASecondGrantIsANoOp() {
        GrantResult first = services.offers().grant("DANA@example.com", "gold membership", null, agent);
        assertThat(first.changed()).isTrue();
        assertThat(first.grant().status().code()).isEqualTo("active");
        assertThat(pendingTriggers()).isEqualTo(1);

        GrantResult again = services.offers().grant("dana@example.com", "Gold Membership", null, agent);
        assertThat(again.changed()).isFalse();
        assertThat(again.message()).contains("already has active access");
        assertThat(pendingTriggers()).isEqualTo(1);
    }

    @Test
    void grantUntilADateExpiresAfterThatDayAndCanBeGrantedAgain() {
        services.offers().grant("dana@example.com", "Gold Membership", LocalDate.of(2026, 3, 5), agent);
        assertThat(status()).isEqualTo("active");

        clock.advance(Duration.ofDays(3).plusHours(14)); // 2026-03-05T23:00Z, still the last day
        assertThat(status()).isEqualTo("active");
        clock.advance(Duration.ofHours(2));
        assertThat(status()).isEqualTo("expired");

        GrantResult regrant = services.offers().grant("dana@example.com", "Gold Membership", null, agent);
        assertThat(regrant.changed()).isTrue();
        assertThat(status()).isEqualTo("active");
        assertThat(pendingTriggers()).isEqualTo(2);
    }

    @Test
    void revokeKeepsTheReasonAndRefusesWhatCannotBeRevoked() {
        services.offers().grant("dana@example.com", "Gold Membership", null, agent);
        GrantResult revoked = services.offers().revoke("dana@example.com", "Gold Membership", "refund", agent);
        assertThat(revoked.grant().status().code()).isEqualTo("revoked");
        assertThat(revoked.grant().revokeReason()).isEqualTo("refund");
        assertThat(services.offers().revoke("dana@example.com", "Gold Membership", null, agent).changed()).isFalse();

        services.offers().create("Silver", null, agent);
        assertThatThrownBy(() -> services.offers().revoke("dana@example.com", "Silver", null, agent))
                .isInstanceOf(UserError.class).hasMessageContaining("does not have");
        assertThatThrownBy(() -> services.offers().grant("dana@example.com", "Platinum", null, agent))
                .isInstanceOf(UserError.class).hasMessageContaining("no offer named 'Platinum'");
        assertThatThrownBy(() -> services.offers().grant("nobody@example.com", "Silver", null, agent))
                .isInstanceOf(UserError.class).hasMessageContaining("no contact");
        assertThatThrownBy(() -> services.offers().grant("dana@example.com", "Silver", LocalDate.of(2026, 3, 1), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("in the past");
        assertThat(services.audit().latest(100)).extracting(AuditLog.Entry::action)
                .containsOnly("contact.created", "offer.created", "offer.granted", "offer.revoked");
    }

    private String status() {
        ContactSummary dana = services.contacts().byEmail("dana@example.com");
        return services.contacts().card(dana.id()).offers().get(0).status().code();
    }
}
