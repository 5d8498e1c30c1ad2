package org.memberdesk.service.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.memberdesk.testsupport.Verified;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.testsupport.ServicesCase;

class ContactServiceTest extends ServicesCase {

    Actor agent = Actor.agent("tester");

    @Test
    void addsAContactWithNormalizedEmailAndTagsAndAudits() {
        ContactSummary added = services.contacts().add("  Jo.Doe@Example.COM ", " Jo Doe ", List.of("VIP", "new"), agent);

        assertThat(added.email()).isEqualTo("jo.doe@example.com");
        assertThat(added.name()).isEqualTo("Jo Doe");
        assertThat(added.tags()).containsExactly("new", "vip");
        assertThat(services.contacts().byEmail("JO.DOE@example.com").id()).isEqualTo(added.id());
        assertThat(services.audit().ofContact(added.id())).extracting(AuditLog.Entry::action)
                .containsExactly("contact.created");
        assertThat(services.contacts().card(added.id()).portal().passwordSet()).isFalse();
    }

    @Test
    void refusesDuplicateAndMalformedEmailsWithoutWritingAnything() {
        services.contacts().add("a@example.com", "A", List.of(), agent);

        assertThatThrownBy(() -> services.contacts().add("A@EXAMPLE.com", "Other", List.of(), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> services.contacts().add("not-an-email", "B", List.of(), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("not a valid email");
        assertThatThrownBy(() -> services.contacts().add("b@example.com", "  ", List.of(), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("name is required");

        assertThat(services.contacts().count()).isEqualTo(1);
        assertThat(services.audit().latest(10)).hasSize(1);
    }

    @Test
    void searchMatchesSubstringsOfNameEmailAndTagsIgnoringCase() {
        services.contacts().add("dana.whitfield@example.com", "Dana Whitfield", List.of("cant-login"), agent);
        services.contacts().add("marcus@example.org", "Marcus Bell", List.of("vip"), agent);
        services.contacts().add("zed@example.net", "Zed Danaher", List.of(), agent);

        assertThat(services.contacts().find("DANA")).extracting(ContactSummary::name)
                .containsExactly("Dana Whitfield", "Zed Danaher");
        assertThat(services.contacts().find("example.org")).extracting(ContactSummary::name)
                .containsExactly("Marcus Bell");
        assertThat(services.contacts().find("cant-")).extracting(ContactSummary::name)
                .containsExactly("Dana Whitfield");
        assertThat(services.contacts().find("100%")).isEmpty();
        assertThat(services.contacts().find("")).hasSize(3);
    }

    @Test
    void editChangesOnlyWhatIsGivenAndRefusesATakenEmail() {
        services.contacts().add("a@example.com", "A", List.of("x"), agent);
        services.contacts().add("b@example.com", "B", List.of(), agent);

        ContactSummary edited = services.contacts().edit("a@example.com", "a2@example.com", null, null, Verified.BY_PHONE, agent);
        assertThat(edited.email()).isEqualTo("a2@example.com");
        assertThat(edited.name()).isEqualTo("A");
        assertThat(edited.tags()).containsExactly("x");

        assertThatThrownBy(() -> services.contacts().edit("a2@example.com", "b@example.com", "New", null, agent))
                .isInstanceOf(UserError.class);
        assertThat(services.contacts().byEmail("a2@example.com").name()).isEqualTo("A");
    }
}
