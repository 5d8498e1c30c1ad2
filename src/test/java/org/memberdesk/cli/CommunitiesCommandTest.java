package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.communities.CommunityService;
import org.memberdesk.service.communities.CommunityView;

class CommunitiesCommandTest extends CliCase {

    static final Actor SETUP = Actor.agent("setup");

    @BeforeEach
    void setUp() {
        cli.inDatabase(s -> {
            s.contacts().add("dana@example.com", "Dana Whitfield", List.of(), SETUP);
            return s.communities().create("Founders Circle", SETUP);
        });
    }

    @Test
    void createPrintsTheGroupAndItsLoginPage() {
        CliRunner.Result result = cli.run("communities", "create", "--name", "Night Owls").succeeded();

        assertThat(result.out())
                .isEqualTo("created community group Night Owls (login page http://localhost:7321/community/night-owls)\n");
        List<CommunityService.GroupView> groups = cli.inDatabase(s -> s.communities().list());
        assertThat(groups).extracting(CommunityService.GroupView::name).contains("Night Owls");
    }

    @Test
    void createWithJsonPrintsTheGroupObject() {
        JsonNode group = cli.run("communities", "create", "--name", "Night Owls", "--json").succeeded().json();

        assertThat(ContactsCommandTest.fieldNames(group)).containsExactly("id", "name", "slug");
        assertThat(UUID.fromString(group.get("id").asText())).isNotNull();
        assertThat(group.get("name").asText()).isEqualTo("Night Owls");
        assertThat(group.get("slug").asText()).isEqualTo("night-owls");
    }

    @Test
    void createRefusesADuplicateNameInAnyCase() {
        DatabaseState before = cli.state();

        assertThat(cli.run("communities", "create", "--name", "founders circle").userError())
                .isEqualTo("error: a community group named 'founders circle' already exists");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void createWithABlankNameIsAUserError() {
        DatabaseState before = cli.state();

        assertThat(cli.run("communities", "create", "--name", "  ").userError()).startsWith("error: ");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void addMakesTheContactAMember() {
        CliRunner.Result result = cli.run("communities", "add", "--contact", "DANA@example.com",
                "--group", "founders circle").succeeded();

        assertThat(result.out()).isEqualTo("added dana@example.com to Founders Circle\n");
        assertThat(memberships()).singleElement().satisfies(m -> {
            assertThat(m.group()).isEqualTo("Founders Circle");
            assertThat(m.credential().passwordSet()).isFalse();
        });
    }

    @Test
    void addWithJsonPrintsTheMembershipObject() {
        JsonNode added = cli.run("--json", "communities", "add", "--contact", "dana@example.com",
                "--group", "Founders Circle").succeeded().json();

        assertThat(ContactsCommandTest.fieldNames(added))
                .containsExactly("contact", "group", "passwordSet", "changed", "message");
        assertThat(added.get("contact").asText()).isEqualTo("dana@example.com");
        assertThat(added.get("group").asText()).isEqualTo("Founders Circle");
        assertThat(added.get("passwordSet").asBoolean()).isFalse();
        assertThat(added.get("changed").asBoolean()).isTrue();
        assertThat(added.get("message").asText()).isEqualTo("added dana@example.com to Founders Circle");
    }

    @Test
    void addOfAMemberChangesNothingAndSaysSo() {
        cli.run("communities", "add", "--contact", "dana@example.com", "--group", "Founders Circle").succeeded();
        DatabaseState before = cli.state();

        CliRunner.Result plain = cli.run("communities", "add", "--contact", "dana@example.com",
                "--group", "Founders Circle").succeeded();
        JsonNode json = cli.run("communities", "add", "--contact", "dana@example.com",
                "--group", "FOUNDERS CIRCLE", "--json").succeeded().json();

        assertThat(plain.out()).isEqualTo("dana@example.com is already a member of Founders Circle\n");
        assertThat(json.get("changed").asBoolean()).isFalse();
        assertThat(json.get("message").asText()).isEqualTo("dana@example.com is already a member of Founders Circle");
        assertThat(cli.state()).isEqualTo(before);
        assertThat(memberships()).hasSize(1);
    }

    @Test
    void addOfAnUnknownContactIsAUserError() {
        DatabaseState before = cli.state();

        assertThat(cli.run("communities", "add", "--contact", "ghost@example.com", "--group", "Founders Circle")
                .userError()).isEqualTo("error: no contact with email ghost@example.com");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void addToAnUnknownGroupIsAUserError() {
        DatabaseState before = cli.state();

        assertThat(cli.run("communities", "add", "--contact", "dana@example.com", "--group", "Night Owls")
                .userError()).isEqualTo("error: no community group named 'Night Owls'");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void addWithoutTheGroupIsAUsageError() {
        assertThat(cli.run("communities", "add", "--contact", "dana@example.com").usageError())
                .startsWith("Missing required option: '--group=G'");
    }

    private List<CommunityView> memberships() {
        return cli.inDatabase(s -> s.contacts().card(s.contacts().byEmail("dana@example.com").id()).communities());
    }
}
