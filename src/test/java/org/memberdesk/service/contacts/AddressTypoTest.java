package org.memberdesk.service.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTypoTest {

    @ParameterizedTest
    @CsvSource({
            "gmial.com, gmail.com", "gmail.con, gmail.com", "gmail.co, gmail.com", "gmial.con, gmail.com",
            "hotmial.com, hotmail.com", "hotmal.com, hotmail.com", "yaho.com, yahoo.com", "yahooo.com, yahoo.com",
            "outlok.com, outlook.com", "outlook.cmo, outlook.com", "aol.con, aol.com", "icloud.cm, icloud.com",
            "exmaple.com, example.com", "example.con, example.com", "exampel.org, example.org"})
    void aDomainOneSlipAwayFromACommonOneIsALikelyTypo(String typed, String meant) {
        assertThat(AddressTypo.likelyDomain(typed)).contains(meant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "example.org", "example.net", "ymail.com", "mail.com", "email.com",
            "yahoo.co.jp", "hotmail.fr", "gmx.de", "company.com", "me.com", "aol.fr", "acme.co", "university.edu"})
    void realDomainsAreLeftAlone(String domain) {
        assertThat(AddressTypo.likelyDomain(domain)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"gmail.com, gmail.com, 0", "gmial.com, gmail.com, 1", "gmail.con, gmail.com, 1",
            "gmai.com, gmail.com, 1", "gmaill.com, gmail.com, 1", "hotmail.com, gmail.com, 3"})
    void editDistanceCountsASwapAsOne(String a, String b, int expected) {
        assertThat(AddressTypo.distance(a, b, 2)).isEqualTo(expected);
    }

    @Test
    void anAddressWithALikelyTypoComesWithTheAddressMostLikelyMeant() {
        AddressTypo typo = AddressTypo.of("  Dana.W@gmial.con ").orElseThrow();

        assertThat(typo.email()).isEqualTo("Dana.W@gmial.con");
        assertThat(typo.domain()).isEqualTo("gmial.con");
        assertThat(typo.likelyDomain()).isEqualTo("gmail.com");
        assertThat(typo.suggestedEmail()).isEqualTo("Dana.W@gmail.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "dana", "dana@", "@gmial.com", "dana at gmial.com", "dana@gmail.com",
            "kim@ymail.com"})
    void noTypoIsSeenInAnAddressThatIsNotOneOrLooksAsMeant(String typed) {
        assertThat(AddressTypo.of(typed)).isEmpty();
    }
}
