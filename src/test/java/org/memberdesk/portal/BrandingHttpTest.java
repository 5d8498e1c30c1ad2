package org.memberdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.UserError;
import org.memberdesk.service.portal.BrandingChange;
import org.memberdesk.service.portal.BrandingView;

/** The brand set once reaches the portal's pages, its logo address and every email. */
class BrandingHttpTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @TempDir
    Path dir;
    PortalFixture fixture;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        fixture = PortalFixture.start(dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theBrandReachesThePortalPagesItsLogoAndTheEmails() throws Exception {
        fixture.services.branding().save(new BrandingChange("Acme Academy", "Ana from Acme", PNG, false, "#aa3300",
                "help@acme.example.com"), PortalFixture.AGENT);

        HttpResponse<String> page = get("/forgot", HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<title>", "· Acme Academy</title>", "src=\"/brand/logo\"",
                "mailto:help@acme.example.com");
        HttpResponse<String> css = get("/assets/brand.css", HttpResponse.BodyHandlers.ofString());
        assertThat(css.body()).contains("#aa3300");
        HttpResponse<byte[]> logo = get("/brand/logo", HttpResponse.BodyHandlers.ofByteArray());
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("image/png"));
        assertThat(logo.body()).isEqualTo(PNG);

        fixture.services.credentials().sendResetLink(PortalFixture.DANA, null, null, PortalFixture.AGENT);
        fixture.services.emails().runOutbox(false);
        MimeMessage mail = fixture.smtp.getReceivedMessages()[fixture.smtp.getReceivedMessages().length - 1];
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String text = parts.getBodyPart(0).getContent().toString();
        String html = parts.getBodyPart(1).getContent().toString();
        assertThat(text).contains("Ana from Acme").contains("help@acme.example.com").doesNotContain("The support team");
        assertThat(html).contains("Ana from Acme", "#aa3300", "mailto:help@acme.example.com",
                "src=\"" + fixture.base + "/brand/logo\"");
        jakarta.mail.internet.InternetAddress from = (jakarta.mail.internet.InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).as("the sender name is the From display name").isEqualTo("Ana from Acme");
    }

    @Test
    void anSvgOrAnythingButPngAndJpegIsRefusedWithTheReasonAndNothingChanges() throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        BrandingView before = fixture.services.branding().show();

        assertThatThrownBy(() -> fixture.services.branding().save(new BrandingChange("Acme", null, svg, false, null,
                null), PortalFixture.AGENT)).isInstanceOf(UserError.class).hasMessageContaining("SVG");
        assertThatThrownBy(() -> fixture.services.branding().save(new BrandingChange("Acme", null,
                new byte[] {'G', 'I', 'F', '8', '9', 'a'}, false, null, null), PortalFixture.AGENT))
                .isInstanceOf(UserError.class).hasMessageContaining("not a PNG or JPEG");
        assertThatThrownBy(() -> fixture.services.branding().save(new BrandingChange("Acme", null, null, false,
                "blue", null), PortalFixture.AGENT)).isInstanceOf(UserError.class).hasMessageContaining("#rrggbb");
        assertThatThrownBy(() -> fixture.services.branding().save(new BrandingChange("Acme", null, null, false,
                null, "not an address"), PortalFixture.AGENT)).isInstanceOf(UserError.class)
                .hasMessageContaining("support address");

        assertThat(fixture.services.branding().show()).isEqualTo(before);
        assertThat(get("/brand/logo", HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fixture.base + path)).GET().build(), body);
    }
}
