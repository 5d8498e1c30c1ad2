package org.memberdesk.portal;

/**
 * A request no browser sends from our pages (an unknown charset, a broken multipart body, bad
 * percent-encoding, a body too large): answered with a plain page of this status and one log line.
 */
final class MalformedRequest extends RuntimeException {

    private final int status;

    MalformedRequest(int status, Throwable cause) {
        // No stack: a bad request is the client's doing, and its trace would only fill the log.
        super(cause.getClass().getSimpleName(), cause, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
