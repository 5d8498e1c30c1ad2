package org.memberdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ä@example.org", "😀@example.org", "JÖRG@example.org", "zoé.laurent@example.net"})
    void anAddressWhoseLocalPartIsNotAsciiIsRefusedWithOneLine(String typed) {
        assertThatThrownBy(() -> EmailAddress.normalize(typed))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + typed + "'")
                .hasMessageContaining("before the @")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void anInternationalisedDomainIsKeptInUnicodeWhicheverFormItIsTypedIn() {
        assertThat(EmailAddress.normalize("Anna@BÜCHER.example")).isEqualTo("anna@bücher.example");
        assertThat(EmailAddress.normalize("anna@xn--bcher-kva.example")).isEqualTo("anna@bücher.example");
        assertThat(EmailAddress.normalize("anna@bu\u0308cher.example")).as("decomposed ü")
                .isEqualTo("anna@bücher.example");
        assertThat(EmailAddress.normalize("jo@example.com")).isEqualTo("jo@example.com");
    }

    @Test
    void aDomainThatWouldBeSentAsAnotherDomainIsRefused() {
        // IDNA 2003 (java.net.IDN) maps ß to ss: straße.example would reach strasse.example
        assertThatThrownBy(() -> EmailAddress.normalize("anna@straße.example"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("strasse.example");
        assertThatThrownBy(() -> EmailAddress.normalize("anna@😀.example"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theSmtpFormOfAnAddressIsAsciiWithThePunycodeDomain() {
        assertThat(EmailAddress.toAscii("anna@bücher.example")).isEqualTo("anna@xn--bcher-kva.example");
        assertThat(EmailAddress.toAscii("jo@example.com")).isEqualTo("jo@example.com");
        assertThat(EmailAddress.toUnicode("anna@xn--bcher-kva.example")).isEqualTo("anna@bücher.example");
        assertThatThrownBy(() -> EmailAddress.toAscii("ä@example.org"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("before the @");
    }

    @Test
    void aLookupStillFindsAnAddressStoredBeforeNonAsciiLocalPartsWereRefused() {
        assertThat(EmailAddress.lookupKey(" Ä@Example.org ")).isEqualTo("ä@example.org");
        assertThat(EmailAddress.lookupKey("anna@XN--BCHER-KVA.example")).isEqualTo("anna@bücher.example");
        assertThatThrownBy(() -> EmailAddress.lookupKey("not an address")).isInstanceOf(InvalidInputException.class);
    }
}
