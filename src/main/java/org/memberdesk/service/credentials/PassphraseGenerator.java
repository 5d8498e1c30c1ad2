package org.memberdesk.service.credentials;

import java.security.SecureRandom;
import java.util.List;
import java.util.StringJoiner;
import org.memberdesk.service.credentials.WordList;

/** Makes strong, easy-to-dictate passphrases: five common words and two digits (about 67 bits). */
public final class PassphraseGenerator {

    private static final List<String> WORDS = WordList.load("passphrase-words.txt");
    private static final int WORD_COUNT = 5;

    private final SecureRandom random = new SecureRandom();

    public String generate() {
        StringJoiner phrase = new StringJoiner("-");
        for (int i = 0; i < WORD_COUNT; i++) {
            phrase.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return phrase + "-" + (10 + random.nextInt(90));
    }
}
