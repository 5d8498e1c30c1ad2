package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.offers.GrantView;
import org.memberdesk.service.offers.OfferView;

class OffersCommandTest extends CliCase {

    static final Actor SETUP = Actor.agent("setup");

    @BeforeEach
    void setUp() {
        cli.inDatabase(s -> {
            s.contacts().add("dana@example.com", "Dana Whitfield", List.of(), SETUP);
            return s.offers().create("Gold", null, SETUP);
        });
    }

    @Test
    void createPrintsTheOffer() {
        CliRunner.Result result = cli.run("offers", "create", "--name", "Silver",
                "--login-url", "https://silver.example.com/login").succeeded();

        assertThat(result.out()).isEqualTo("created offer Silver (login URL https://silver.example.com/login)\n");
        List<OfferView> offers = cli.inDatabase(s -> s.offers().list());
        assertThat(offers).extracting(OfferView::name).contains("Silver");
    }

    @Test
    void createWithJsonPrintsTheOfferObject() {
        JsonNode offer = cli.run("--json", "offers", "create", "--name", "Silver").succeeded().json();

        assertThat(ContactsCommandTest.fieldNames(offer)).containsExactly("id", "name", "loginUrl");
        assertThat(UUID.fromString(offer.get("id").asText())).isNotNull();
        assertThat(offer.get("name").asText()).isEqualTo("Silver");
        assertThat(offer.get("loginUrl").isNull()).isTrue();
    }

    @Test
    void createRefusesADuplicateName() {
        DatabaseState before = cli.state();

        assertThat(cli.run("offers", "create", "--name", "GOLD").userError())
                .isEqualTo("error: an offer named 'GOLD' already exists");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void grantPrintsWhatChanged() {
        CliRunner.Result result = cli.run("offers", "grant", "--contact", "dana@example.com", "--offer", "gold")
                .succeeded();

        assertThat(result.out().lines()).first().isEqualTo("granted Gold to dana@example.com");
        // "Offer Access Granted" ran the default workflow and its welcome email went out before exit.
        assertThat(result.out().lines().skip(1)).singleElement().asString().startsWith("delivery: 1 sent");
        assertThat(grants()).singleElement().satisfies(g -> {
            assertThat(g.offer()).isEqualTo("Gold");
            assertThat(g.expiresAt()).isNull();
        });
    }

    @Test
    void grantWithJsonPrintsTheGrantObject() {
        LocalDate until = LocalDate.now().plusDays(30);

        JsonNode grant = cli.run("offers", "grant", "--contact", "dana@example.com", "--offer", "Gold",
                "--until", until.toString(), "--json").succeeded().json();

        assertThat(ContactsCommandTest.fieldNames(grant)).startsWith("contact", "offer", "status", "grantedAt",
                "expiresAt").contains("changed", "message");
        assertThat(grant.get("contact").asText()).isEqualTo("dana@example.com");
        assertThat(grant.get("offer").asText()).isEqualTo("Gold");
        assertThat(grant.get("status").asText()).isEqualTo("active");
        assertThat(grant.get("changed").isBoolean()).isTrue();
        assertThat(grant.get("changed").asBoolean()).isTrue();
        assertThat(grant.get("message").asText()).isEqualTo("granted Gold to dana@example.com");
        assertThat(grant.get("grantedAt").asText()).endsWith("Z");
        assertThat(Instant.parse(grant.get("grantedAt").asText())).isEqualTo(grants().get(0).grantedAt());
        assertThat(Instant.parse(grant.get("expiresAt").asText()))
                .isEqualTo(until.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    @Test
    void grantOfAnActiveOfferChangesNothingAndSaysSo() {
        cli.run("offers", "grant", "--contact", "dana@example.com", "--offer", "Gold").succeeded();
        DatabaseState before = cli.state();

        CliRunner.Result plain = cli.run("offers", "grant", "--contact", "dana@example.com", "--offer", "Gold")
                .succeeded();
        JsonNode json = cli.run("offers", "grant", "--contact", "dana@example.com", "--offer", "Gold", "--json")
                .succeeded().json();

        assertThat(plain.out()).startsWith("dana@example.com already has active access to Gold\n");
        assertThat(json.get("changed").asBoolean()).isFalse();
        assertThat(json.get("status").asText()).isEqualTo("active");
        assertThat(json.get("message").asText()).contains("already has active access");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void grantOfAnUnknownOfferIsAUserError() {
        DatabaseState before = cli.state();

        assertThat(cli.run("offers", "grant", "--contact", "dana@example.com", "--offer", "Platinum").userError())
                .isEqualTo("error: no offer named 'Platinum'");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void grantToAnUnknownContactIsAUserError() {
        DatabaseState before = cli.state();

        assertThat(cli.run("offers", "grant", "--contact", "ghost@example.com", "--offer", "Gold").userError())
                .isEqualTo("error: no contact with email ghost@example.com");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void grantUntilAPastDateIsAUserError() {
        DatabaseState before = cli.state();

        assertThat(cli.run("offers", "grant", "--contact", "dana@example.com", "--offer", "Gold",
                "--until", "2020-01-31").userError())
                .isEqualTo("error: the end date 2020-01-31 is in the past");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void grantUntilAMalformedDateIsAUsageError() {
        DatabaseState before = cli.state();

        String err = cli.run("offers", "grant", "--contact", "dana@example.com", "--offer", "Gold",
                "--until", "31/01/2030").usageError();

        assertThat(err).startsWith("Invalid value for option '--until': '31/01/2030' is not a date of the form "
                + "yyyy-MM-dd");
        assertThat(cli.state()).isEqualTo(before);
    }

    @Test
    void grantWithoutTheOfferIsAUsageError() {
        assertThat(cli.run("offers", "grant", "--contact", "dana@example.com").usageError())
                .startsWith("Missing required option: '--offer=N'");
    }

    @Test
    void revokePrintsWhatChangedAndKeepsTheReason() {
        cli.inDatabase(s -> s.offers().grant("dana@example.com", "Gold", null, SETUP));

        CliRunner.Result result = cli.run("offers", "revoke", "--contact", "dana@example.com", "--offer", "Gold",
                "--reason", "refunded").succeeded();

        assertThat(result.out()).isEqualTo("revoked Gold for dana@example.com\n");
        assertThat(grants()).singleElement().satisfies(g -> {
            assertThat(g.status().code()).isEqualTo("revoked");
            assertThat(g.revokeReason()).isEqualTo("refunded");
        });
    }

    @Test
    void revokeWithJsonPrintsTheGrantObject() {
        cli.inDatabase(s -> s.offers().grant("dana@example.com", "Gold", null, SETUP));

        JsonNode grant = cli.run("offers", "revoke", "--contact", "dana@example.com", "--offer", "Gold",
                "--reason", "refunded", "--json").succeeded().json();

        assertThat(grant.get("contact").asText()).isEqualTo("dana@example.com");
        assertThat(grant.get("status").asText()).isEqualTo("revoked");
        assertThat(grant.get("changed").asBoolean()).isTrue();
        assertThat(grant.get("revokeReason").asText()).isEqualTo("refunded");
        assertThat(Instant.parse(grant.get("revokedAt").asText())).isEqualTo(grants().get(0).revokedAt());
        assertThat(grant.get("expiresAt").isNull()).isTrue();
    }

    @Test
    void revokeOfAnOfferTheContactDoesNotHaveIsAUserError() {
        DatabaseState before = cli.state();

        assertThat(cli.run("offers", "revoke", "--contact", "dana@example.com", "--offer", "Gold").userError())
                .isEqualTo("error: dana@example.com does not have Gold");
        assertThat(cli.state()).isEqualTo(before);
    }

    private List<GrantView> grants() {
        return cli.inDatabase(s -> s.contacts().card(s.contacts().byEmail("dana@example.com").id()).offers());
    }
}
