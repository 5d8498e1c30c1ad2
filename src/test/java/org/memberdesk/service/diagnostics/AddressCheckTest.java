package org.memberdesk.service.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"jo doe\"@example.com", "jo@[192.168.0.1]", "jo@example.c", "jo@example.c0m",
            "jo@-example.com", "jo@example-.com", "jo@123.456", "not an address", "ä@example.org", "😀@example.org",
            "jo@straße.example"})
    void malformedAddressesAreCalledSo(String email) {
        assertThat(AddressCheck.malformed(email)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jo@example.com", "jo.doe+news@mail.example.org", "o'neil@example.ie",
            "jo@xn--bcher-kva.example", "jo@bücher.de"})
    void wellFormedAddressesPass(String email) {
        assertThat(AddressCheck.malformed(email)).isEmpty();
    }
}
