package org.memberdesk.service.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.memberdesk.testsupport.Verified;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.testsupport.ServicesCase;

/** "Reset demo": what a training session changed is gone, the demo story is back, settings stay. */
class DemoResetTest extends ServicesCase {


    @Test
    void resetRestoresTheDemoDataSetAndKeepsSettings() {
        int seeded = services.demo().seed();
        Actor trainer = Actor.agent("trainer");
        services.contacts().add("someone.new@example.com", "Someone New", List.of("walk-in"), trainer);
        ContactSummary dana = services.contacts().find("dana").get(0);
        services.contacts().edit(dana.email(), "dana.w@example.com", "Dana W", List.of(), Verified.BY_PHONE, trainer);
        services.mailSettings().savePortalUrl("https://members.example.com", trainer);
        clock.advance(java.time.Duration.ofHours(3));

        int reset = services.demo().reset();

        assertThat(reset).isEqualTo(seeded);
        assertThat(services.contacts().count()).isEqualTo(seeded);
        assertThat(services.contacts().find("someone.new")).isEmpty();
        assertThat(services.contacts().find("dana")).singleElement()
                .satisfies(c -> assertThat(c.email()).isEqualTo("dana.whitfield@example.com"));
        ContactCard card = services.contacts().card(services.contacts().find("dana").get(0).id());
        assertThat(card.activeOffers()).hasSize(2);
        assertThat(card.emails()).extracting(e -> e.kind().code()).contains("reset-link", "welcome");
        assertThat(services.activity().agents())
                .doesNotContain("trainer");
        assertThat(services.demo().isDemoDatabase()).isTrue();
        assertThat(services.portalSite().publicAddress().baseUrl()).isEqualTo("https://members.example.com");
        assertThat(services.workflows().list()).isNotEmpty();
    }

    @Test
    void aRealDatabaseIsNeverReset() {
        services.contacts().add("real.person@example.com", "Real Person", List.of(), Actor.agent("sam"));

        assertThatThrownBy(() -> services.demo().reset()).isInstanceOf(UserError.class)
                .hasMessageContaining("not a demo database");
        assertThat(services.contacts().count()).isEqualTo(1);
    }
}
