package org.memberdesk.service.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.Await;
import org.memberdesk.testsupport.TestServices;

/**
 * A team on one database: three consoles (each running the workflow engine and mail delivery) and
 * two `outbox run` commands at the same time, while 150 grants wait for their welcome. Each grant
 * gets exactly one welcome, and each is sent exactly once. On the PostgreSQL test run the five are
 * five connection pools on one server, as five desks would be.
 */
class TeamDesksExactlyOnceTest {

    private static final int GRANTS = 150;

    @TempDir
    Path dir;

    @Test
    void threeConsolesAndTwoOutboxRunsSendOneWelcomePerGrantOnce() throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(dir)) {
            f.offer("Gold");
            WorkflowFixture.bulkGrants(f.services, "Gold", GRANTS, f.now());
            List<Services> desks = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    desks.add(TestServices.open(dir, f.clock, f.env()));
                }
                for (Services console : desks.subList(0, 3)) {
                    console.workflows().start();
                    console.emails().startBackgroundDelivery();
                }
                List<CompletableFuture<?>> outboxRuns = new ArrayList<>();
                for (Services command : desks.subList(3, 5)) {
                    outboxRuns.add(CompletableFuture.runAsync(() -> {
                        for (int round = 0; round < 20 && f.smtp.getReceivedMessages().length < GRANTS; round++) {
                            command.emails().runOutbox(true);
                        }
                    }));
                }

                Await.until(Duration.ofMinutes(3), () -> f.smtp.getReceivedMessages().length >= GRANTS,
                        "every welcome delivered");
                for (CompletableFuture<?> run : outboxRuns) {
                    run.get(2, TimeUnit.MINUTES);
                }
                Thread.sleep(2_000); // anything sent twice would arrive by now
            } finally {
                for (Services desk : desks) {
                    desk.workflows().stop();
                    desk.emails().stopBackgroundDelivery();
                    desk.close();
                }
            }

            assertThat(f.welcomeSpread()).as("one welcome per grant").containsExactly(1, GRANTS);
            Map<String, Integer> perRecipient = new HashMap<>();
            for (MimeMessage m : f.smtp.getReceivedMessages()) {
                perRecipient.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
            }
            assertThat(perRecipient).hasSize(GRANTS).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
        }
    }
}
