package org.memberdesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.portal.PortalAuthService.Door;
import org.memberdesk.testsupport.ServicesCase;

/** New passwords: 15 characters at least, counted after NFKC; the same password in any Unicode form signs in. */
class PasswordNormalisationTest extends ServicesCase {

    static final String DANA = "dana@example.com";
    /** "Crème brûlée à Noël", typed on keyboards that compose accents (NFC) or send them apart (NFD). */
    static final String NFC = Normalizer.normalize("Crème brûlée à Noël", Normalizer.Form.NFC);
    static final String NFD = Normalizer.normalize(NFC, Normalizer.Form.NFD);

    Actor agent = Actor.agent("tester");

    @BeforeEach
    void open() {
        services.contacts().add(DANA, "Dana Whitfield", List.of(), agent);
    }

    @Test
    void fourteenCharactersAreRefusedAndFifteenAccepted() {
        assertThatThrownBy(() -> services.credentials().setPassword(DANA, null, "fourteen chars", false, agent))
                .isInstanceOf(UserError.class).hasMessage("password refused: use at least 15 characters (14 so far)");
        assertThat(services.contacts().card(services.contacts().byEmail(DANA).id()).portal().passwordSet()).isFalse();

        services.credentials().setPassword(DANA, null, "fifteen letters", false, agent);

        assertThat(services.portalAuth().signIn(DANA, "fifteen letters", Door.MEMBERSHIP).signedIn()).isTrue();
    }

    @Test
    void theLengthIsCountedAfterNormalisation() {
        // 14 characters as a reader sees them, 19 code points when the accents come apart
        String nfd = Normalizer.normalize("éèêëàâäîïôöùûü", Normalizer.Form.NFD);
        assertThat(nfd.codePointCount(0, nfd.length())).isGreaterThan(15);

        assertThat(services.credentials().passwordProblem(nfd, DANA)).hasValue("use at least 15 characters (14 so far)");
    }

    @Test
    void aPasswordSetInNfcSignsInWhenTypedInNfd() {
        services.credentials().setPassword(DANA, null, NFC, false, agent);

        assertThat(services.portalAuth().signIn(DANA, NFD, Door.MEMBERSHIP).signedIn()).isTrue();
        assertThat(services.portalAuth().signIn(DANA, NFC, Door.MEMBERSHIP).signedIn()).isTrue();
    }

    @Test
    void aPasswordSetInNfdSignsInWhenTypedInNfc() {
        services.credentials().setPassword(DANA, null, NFD, false, agent);

        assertThat(services.portalAuth().signIn(DANA, NFC, Door.MEMBERSHIP).signedIn()).isTrue();
        assertThat(services.portalAuth().signIn(DANA, NFD, Door.MEMBERSHIP).signedIn()).isTrue();
        assertThat(services.portalAuth().signIn(DANA, NFC + "!", Door.MEMBERSHIP).signedIn()).isFalse();
    }

    @Test
    void compatibilityFormsCountAsTheirPlainLetters() {
        // the ligature "ﬁ" and full-width letters are what NFKC folds
        services.credentials().setPassword(DANA, null, "ﬁsh and chips on Ｆｒｉｄａｙ", false, agent);

        assertThat(services.portalAuth().signIn(DANA, "fish and chips on Friday", Door.MEMBERSHIP).signedIn())
                .isTrue();
    }

    /** A hash made before normalisation, of the text exactly as typed: an existing password keeps working. */
    @Test
    void aHashOfTheUnnormalisedTextStillSignsIn() {
        String typed = "ﬁsh and chips on Ｆｒｉｄａｙ";
        String oldHash = new PasswordHasher().hash(typed);
        services.transactions().database().write(t -> {
            t.portalAccounts().ofContact(services.contacts().byEmail(DANA).id()).orElseThrow().getCredential()
                    .setPasswordHash(oldHash, clock.instant());
            return null;
        });

        assertThat(services.portalAuth().signIn(DANA, typed, Door.MEMBERSHIP).signedIn()).isTrue();
        assertThat(services.portalAuth().signIn(DANA, "something else entirely", Door.MEMBERSHIP).signedIn())
                .isFalse();
    }
}
