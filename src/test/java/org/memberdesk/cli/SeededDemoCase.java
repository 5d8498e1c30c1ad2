package org.memberdesk.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.memberdesk.testsupport.TestSmtp;

/**
 * What a command test on the demo data starts from: a data directory seeded with {@code demo seed},
 * and commands that deliver to a real GreenMail server, stopped after each test.
 */
abstract class SeededDemoCase extends CliCase {

    TestSmtp smtp;

    @BeforeEach
    final void seedDemo() {
        smtp = TestSmtp.start();
        cli.withEnv(smtp.env());
        cli.run("demo", "seed").succeeded();
    }

    @AfterEach
    final void stopSmtp() {
        smtp.close();
    }
}
