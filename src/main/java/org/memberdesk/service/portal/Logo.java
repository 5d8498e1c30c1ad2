package org.memberdesk.service.portal;

import java.util.Arrays;

/** A stored logo: its media type (image/png or image/jpeg) and its bytes. */
public record Logo(String contentType, byte[] bytes) {

    @Override
    public boolean equals(Object other) {
        return other instanceof Logo l && l.contentType.equals(contentType) && Arrays.equals(l.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return contentType.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Logo[" + contentType + ", " + bytes.length + " bytes]";
    }
}
