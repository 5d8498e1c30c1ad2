package org.memberdesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.UserError;

class PasswordPolicyTest {

    PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesShortLongAndCommonPasswords() {
        assertThat(policy.problem("short", null)).hasValueSatisfying(p -> assertThat(p).contains("at least 15"));
        assertThat(policy.problem("x".repeat(129), null)).hasValueSatisfying(p -> assertThat(p).contains("at most 128"));
        assertThat(policy.problem("1qaz2wsx3edc4rfv", null)).hasValueSatisfying(p -> assertThat(p).contains("commonly used"));
        assertThat(policy.problem("QazwsxEdcrfvTgb", null)).isPresent();
        assertThat(policy.problem("dana.whitfield.home", "dana.whitfield.home@example.com")).isPresent();
        assertThatThrownBy(() -> policy.check("123456789987654321", null)).isInstanceOf(UserError.class);
    }

    @Test
    void refusesTheLongFormsAttackersTryFirst() {
        for (String typed : new String[] {
                "qwertyuiopasdfgh", "1qaz2wsx3edc4rfv5tgb", "1qaz!qaz2wsx@wsx", "q1w2e3r4t5y6u7i8o9p0", // keyboard walks
                "123456789012345", "111111111111111", "123123123123123", // digit runs
                "passwordpassword", "FootballFootball", "iloveyouiloveyou", // top entries doubled
                "password123456789", "Whatever12345678", "superman123456789", "baseball12345678", // and suffixed
                "letmeinletmein1", "correcthorsebatterystaple", "thequickbrownfox", "maytheforcebewithyou"}) {
            assertThat(policy.problem(typed, null)).as(typed)
                    .hasValueSatisfying(p -> assertThat(p).contains("commonly used"));
        }
    }

    @Test
    void acceptsLongPassphrasesWithoutCompositionRules() {
        assertThat(policy.problem("correct horse battery staple", null)).isEmpty();
        assertThat(policy.problem("alllowercaseletters", null)).isEmpty();
        assertThat(policy.problem("x".repeat(128), null)).isEmpty();
        assertThat(policy.problem("pässwörd-ünïcödé", null)).isEmpty();
    }

    @Test
    void generatedPassphrasesPassThePolicyAndDiffer() {
        PassphraseGenerator generator = new PassphraseGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String phrase = generator.generate();
            assertThat(phrase).matches("([a-z]{4,8}-){5}\\d{2}");
            assertThat(policy.problem(phrase, null)).isEmpty();
            seen.add(phrase);
        }
        assertThat(seen).hasSize(50);
    }

    @Test
    void hashesWithArgon2idAndVerifies() {
        PasswordHasher hasher = new PasswordHasher();
        String phc = hasher.hash("correct horse battery staple");
        assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse battery staple", phc)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", phc)).isFalse();
        assertThat(hasher.hash("correct horse battery staple")).isNotEqualTo(phc);
        assertThat(hasher.matches("anything", "not-a-hash")).isFalse();
    }
}
