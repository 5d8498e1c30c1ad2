package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.portal.PortalSiteService.RequestLimits;
import org.memberdesk.service.portal.PortalSiteService;

/**
 * {@code memberdesk portal limits}: the per-client and per-account limits and the trusted proxies
 * are shown and set from the command line (before, only by writing the database by hand), and
 * MEMBERDESK_PORTAL_TRUSTED_PROXIES wins over the stored proxies.
 */
class PortalLimitsCommandTest extends CliCase {

    @Test
    void withoutOptionsItShowsTheDefaultsInForce() {
        CliRunner.Result result = cli.run("portal", "limits").succeeded();

        assertThat(result.out()).isEqualTo("limits: on\n"
                + "per client address per minute: sign-in 20, forgot password 5, link forms 10, any other form 5\n"
                + "per typed email address per hour: sign-in 20, forgot password 10\n"
                + "trusted proxies: none\n");
        JsonNode json = cli.run("--json", "portal", "limits").succeeded().json();
        assertThat(ContactsCommandTest.fieldNames(json)).containsExactly("on", "signInPerIpPerMinute",
                "forgotPerIpPerMinute", "linkPerIpPerMinute", "otherPerIpPerMinute", "signInPerAccountPerHour",
                "forgotPerAccountPerHour", "trustedProxies", "trustedProxiesSource", "warnings");
        assertThat(json.get("on").asBoolean()).isTrue();
        assertThat(json.get("forgotPerIpPerMinute").asInt()).isEqualTo(5);
        assertThat(json.get("trustedProxies")).isEmpty();
        assertThat(json.get("trustedProxiesSource").asText()).isEqualTo("none");
    }

    @Test
    void itSetsTheGivenValuesKeepsTheOthersAndRecordsTheChange() {
        JsonNode json = cli.run("--json", "portal", "limits", "--trusted-proxy", "10.0.0.0/8",
                "--trusted-proxy", "2001:db8::/32", "--trusted-proxy", "192.0.2.7", "--sign-in-per-ip", "7",
                "--forgot-per-ip", "3", "--link-per-ip", "4", "--sign-in-per-account", "9",
                "--forgot-per-account", "2").succeeded().json();

        assertThat(json.get("signInPerIpPerMinute").asInt()).isEqualTo(7);
        assertThat(json.get("otherPerIpPerMinute").asInt()).isEqualTo(3);
        assertThat(json.get("trustedProxiesSource").asText()).isEqualTo("setting");
        RequestLimits stored = limits();
        assertThat(stored).isEqualTo(new RequestLimits(true, 7, 3, 4, 9, 2,
                List.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.7")));
        List<AuditLog.Entry> audit = cli.inDatabase(s -> s.audit().latest(5));
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("portal.limits-changed");
            assertThat(e.agent()).isEqualTo("cli-test");
            assertThat(e.detail()).contains("10.0.0.0/8").contains("sign-in-per-ip-per-minute 7");
        });

        cli.run("portal", "limits", "--forgot-per-ip", "6").succeeded();
        assertThat(limits()).isEqualTo(new RequestLimits(true, 7, 6, 4,
                9, 2, List.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.7")));

        CliRunner.Result cleared = cli.run("portal", "limits", "--no-trusted-proxies").succeeded();
        assertThat(cleared.out()).startsWith("saved portal limits\n").contains("trusted proxies: none");
        assertThat(limits().trustedProxies()).isEmpty();
    }

    @Test
    void aBadRangeOrANonPositiveCountIsOneLineAndChangesNothing() {
        cli.run("portal", "limits", "--forgot-per-ip", "4").succeeded();
        RequestLimits before = limits();
        int auditBefore = cli.state().auditEntries();

        for (String proxy : List.of("10.0.0.0/33", "proxy.example.com", "10.0.0.0/", "10.0.0.0/-1", "300.1.2.3")) {
            String line = cli.run("portal", "limits", "--trusted-proxy", "192.0.2.1", "--trusted-proxy", proxy,
                    "--sign-in-per-ip", "9").userError();
            assertThat(line).contains(proxy).contains("not an IP address or a CIDR range");
        }
        assertThat(cli.run("portal", "limits", "--forgot-per-ip", "0").userError())
                .contains("must be at least 1");
        assertThat(cli.run("portal", "limits", "--sign-in-per-account", "-3", "--trusted-proxy", "192.0.2.1")
                .userError()).contains("must be at least 1");

        assertThat(limits()).isEqualTo(before);
        assertThat(cli.state().auditEntries()).isEqualTo(auditBefore);
    }

    @Test
    void offLiftsTheLimitsWithAWarningAndOnRestoresThem() {
        CliRunner.Result off = cli.run("portal", "limits", "--off");

        assertThat(off.exitCode()).isZero();
        assertThat(off.out()).contains("limits: off");
        assertThat(off.err().lines()).singleElement().satisfies(line ->
                assertThat(line).startsWith("warning: ").contains("load tests only"));
        assertThat(limits().on()).isFalse();

        cli.run("portal", "limits", "--on").succeeded();
        assertThat(limits().on()).isTrue();
        assertThat(cli.run("portal", "limits", "--on", "--off").usageError()).contains("--on or --off");
    }

    @Test
    void theEnvironmentsTrustedProxiesWinOverTheStoredOnes() {
        cli.run("portal", "limits", "--trusted-proxy", "192.0.2.1").succeeded();
        cli.withEnv(Map.of(PortalSiteService.TRUSTED_PROXIES_ENV, "127.0.0.10, 10.9.0.0/16"));

        CliRunner.Result shown = cli.run("portal", "limits").succeeded();
        assertThat(shown.out()).contains("trusted proxies: 127.0.0.10, 10.9.0.0/16 (from "
                + PortalSiteService.TRUSTED_PROXIES_ENV + ", which wins over the stored setting)");
        assertThat(limits().trustedProxies()).containsExactly("127.0.0.10", "10.9.0.0/16");

        CliRunner.Result saved = cli.run("portal", "limits", "--trusted-proxy", "192.0.2.2");
        assertThat(saved.exitCode()).isZero();
        assertThat(saved.err()).contains("warning: " + PortalSiteService.TRUSTED_PROXIES_ENV + " is set and wins");
    }

    private RequestLimits limits() {
        return cli.inDatabase(s -> s.portalSite().requestLimits());
    }
}
