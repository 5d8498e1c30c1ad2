package org.memberdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.portal.RawHttp.Response;
import org.slf4j.LoggerFactory;

/**
 * Requests no browser would send (an unknown charset, a broken multipart body, headers too large
 * for the server, bad percent-encoding) get a plain 400-class page with the portal's look and
 * security headers, change nothing, and leave at most one WARN line and no stack trace in the log.
 */
class PortalMalformedRequestHttpTest extends PortalCase {

    RawHttp http;
    ListAppender<ILoggingEvent> log;
    Logger root;

    @BeforeEach
    void start() {
        http = new RawHttp(f.portal.port(), "127.0.0.1");
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log = new ListAppender<>();
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stop() {
        root.detachAppender(log);
    }

    @Test
    void anUnknownCharsetIsABadRequest() {
        Response page = http.get("/");
        String body = "_csrf=" + page.csrf() + "&email=dana%40example.com&password=whatever";
        Response answer = http.send("POST /login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=no-such-charset\r\n"
                + "Cookie: " + page.csrfCookie() + "\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertPlainBadRequest(answer, 400);
    }

    @Test
    void aBrokenMultipartFormIsABadRequest() {
        Response page = http.get("/");
        String body = "--XYZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\ndana@example.com\r\n--XY";
        Response answer = http.send("POST /forgot HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=XYZ\r\n"
                + "Cookie: " + page.csrfCookie() + "\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertPlainBadRequest(answer, 400);
        assertThat(f.services.emails().list(PortalFixture.DANA)).noneMatch(e -> e.kind().code().equals("reset-link"));
    }

    @Test
    void headersTooLargeForTheServerGetItsStatusWithThePortalsPageAndHeaders() {
        Response answer = http.send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertPlainBadRequest(answer, 431);
    }

    @Test
    void aHeaderLineWithoutAColonIsABadRequest() {
        Response answer = http.send("GET / HTTP/1.1\r\nHost: localhost\r\nThis is not a header\r\n"
                + "Connection: close\r\n\r\n");
        assertPlainBadRequest(answer, 400);
    }

    @Test
    void badPercentEncodingInThePathIsABadRequest() {
        assertPlainBadRequest(http.get("/reset/%zz"), 400);
        assertPlainBadRequest(http.get("/community/%C0%AF"), 400);
    }

    private void assertPlainBadRequest(Response answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Security-Policy")).contains(PortalServer.CONTENT_SECURITY_POLICY);
        assertThat(answer.header("Referrer-Policy")).contains("no-referrer");
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.header("X-Frame-Options")).contains("DENY");
        assertThat(answer.header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(answer.header("Server")).isEmpty();
        assertThat(answer.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(answer.body()).contains("<html lang=\"en\">").contains("/assets/portal.css")
                .contains("Nothing was changed").doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("<script");
        List<ILoggingEvent> events = List.copyOf(log.list);
        assertThat(events).as("no stack trace in the log").allMatch(e -> e.getThrowableProxy() == null);
        assertThat(events).as("no error in the log").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
        assertThat(events.stream().filter(e -> e.getLevel() == Level.WARN)).as("one WARN line at most").hasSizeLessThanOrEqualTo(1);
        assertThat(events).allMatch(e -> !e.getFormattedMessage().contains("\n"));
        log.list.clear();
    }
}
