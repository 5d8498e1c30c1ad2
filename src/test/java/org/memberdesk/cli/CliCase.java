package org.memberdesk.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What a command test starts from: the command line on a fresh data directory. */
abstract class CliCase {

    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    final void newCli() {
        cli = new CliRunner(dir);
    }
}
