package org.memberdesk.ui.viewmodel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.common.Messages;

/**
 * Activity shows the agent's words, not codes: every action code the code base writes to the audit
 * log (a "family.what-happened" literal in a class that records audit events; setting keys, the
 * constants named *_SETTING, are not actions) and every family the Action filter offers has its
 * "activity.action.*" text.
 */
class ActivityActionTextsTest {

    private static final Pattern CODE = Pattern.compile("\"([a-z]+(?:-[a-z]+)*\\.[a-z]+(?:-[a-z]+)*)\"");
    private static final Pattern WRITES_AUDIT = Pattern.compile("audit\\.record\\(|new AuditEvent\\(|auditAction\\(");

    @Test
    void everyActionCodeWrittenHasWords() throws IOException {
        Set<String> codes = writtenActionCodes();
        assertThat(codes).as("the scan finds the codes").contains("credentials.reset-link-sent", "contacts.imported",
                "workflow.enabled", "workflow.disabled", "workflow.wait", "login-details.copied");

        Messages messages = Messages.load();
        for (String code : codes) {
            assertThat(messages.getOrDefault("activity.action." + code, null)).as("words for %s", code).isNotBlank();
            String family = code.substring(0, code.indexOf('.'));
            assertThat(messages.getOrDefault("activity.action." + family, null)).as("words for %s", family)
                    .isNotBlank();
        }
    }

    private static Set<String> writtenActionCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/memberdesk"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!WRITES_AUDIT.matcher(source).find()) {
                    continue;
                }
                for (String line : source.lines().toList()) {
                    if (line.contains("_SETTING =")) {
                        continue;
                    }
                    Matcher code = CODE.matcher(line);
                    while (code.find()) {
                        codes.add(code.group(1));
                    }
                }
            }
        }
        return codes;
    }
}
