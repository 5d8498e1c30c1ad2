package org.memberdesk.service.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressCheckTest {

    @ParameterizedTest
    @CsvSource({
            "gmial.com, gmail.com", "gmail.con, gmail.com", "gmail.co, gmail.com", "gmial.con, gmail.com",
            "hotmial.com, hotmail.com", "hotmal.com, hotmail.com", "yaho.com, yahoo.com", "yahooo.com, yahoo.com",
            "outlok.com, outlook.com", "outlook.cmo, outlook.com", "aol.con, aol.com", "icloud.cm, icloud.com",
            "exmaple.com, example.com", "example.con, example.com", "exampel.org, example.org"})
    void aDomainOneSlipAwayFromACommonOneIsALikelyTypo(String typed, String meant) {
        assertThat(AddressCheck.likelyDomain(typed)).contains(meant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "example.org", "example.net", "ymail.com", "mail.com", "email.com",
            "yahoo.co.jp", "hotmail.fr", "gmx.de", "company.com", "me.com", "aol.fr", "acme.co", "university.edu"})
    void realDomainsAreLeftAlone(String domain) {
        assertThat(AddressCheck.likelyDomain(domain)).isEmpty();
    }

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

    @ParameterizedTest
    @CsvSource({"gmail.com, gmail.com, 0", "gmial.com, gmail.com, 1", "gmail.con, gmail.com, 1",
            "gmai.com, gmail.com, 1", "gmaill.com, gmail.com, 1", "hotmail.com, gmail.com, 3"})
    void editDistanceCountsASwapAsOne(String a, String b, int expected) {
        assertThat(AddressCheck.distance(a, b, 2)).isEqualTo(expected);
    }
}
