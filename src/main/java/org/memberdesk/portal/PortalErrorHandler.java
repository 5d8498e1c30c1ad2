package org.memberdesk.portal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The web server's own error answers (headers too large, a request line or header it cannot parse,
 * bad encoding in the path): requests that never reach the portal's routes. They get the portal's
 * page and security headers instead of Jetty's page, and no stack trace anywhere.
 */
final class PortalErrorHandler extends ErrorHandler {

    private final IntFunction<String> page;

    /** {@code page} renders the whole HTML page for a status. */
    PortalErrorHandler(IntFunction<String> page) {
        this.page = page;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        byte[] body = page.apply(code).getBytes(StandardCharsets.UTF_8);
        headers(response.getHeaders());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers(fields);
        return ByteBuffer.wrap(page.apply(status).getBytes(StandardCharsets.UTF_8));
    }

    private static void headers(HttpFields.Mutable fields) {
        PortalServer.SECURITY_HEADERS.forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    }
}
