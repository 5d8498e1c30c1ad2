package org.memberdesk.service.communities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.testsupport.ServicesCase;

class CommunityServiceTest extends ServicesCase {

    CommunityService communities;
    Actor agent = Actor.agent("tester");

    @BeforeEach
    void open() {
        communities = new CommunityService(services.transactions(), services.audit(), clock);
        services.contacts().add("sofia@example.net", "Sofia", List.of(), agent);
    }

    @Test
    void groupsHaveUniqueCaseInsensitiveNamesAndUrlSlugs() {
        CommunityService.GroupView group = communities.create("Founders Circle", agent);
        assertThat(group.slug()).isEqualTo("founders-circle");
        assertThatThrownBy(() -> communities.create("founders circle", agent)).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> communities.create("  ", agent)).isInstanceOf(UserError.class);
        assertThat(communities.list()).hasSize(1);
    }

    @Test
    void addingAMemberGivesASeparateCredentialWithoutAPassword() {
        communities.create("Founders Circle", agent);
        CommunityService.MembershipResult added = communities.add("SOFIA@example.net", "founders circle", agent);
        assertThat(added.changed()).isTrue();
        assertThat(added.membership().credential().passwordSet()).isFalse();
        assertThat(communities.add("sofia@example.net", "Founders Circle", agent).changed()).isFalse();
        assertThatThrownBy(() -> communities.add("sofia@example.net", "Nope", agent))
                .isInstanceOf(UserError.class).hasMessageContaining("no community group");

        ContactCard card = services.contacts().card(added.contact().id());
        assertThat(card.communities()).extracting(CommunityView::group).containsExactly("Founders Circle");
        assertThat(card.portal().passwordSet()).isFalse();
    }
}
