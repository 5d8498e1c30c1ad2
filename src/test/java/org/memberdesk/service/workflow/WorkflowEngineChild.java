package org.memberdesk.service.workflow;

import org.memberdesk.testsupport.TestServices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;

/**
 * A process running the workflow engine over a data directory, for {@link WorkflowExactlyOnceTest}:
 * prints one line per committed batch, so the test knows when to kill it.
 * Arguments: data directory, batch size.
 */
public final class WorkflowEngineChild {

    private WorkflowEngineChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int batch = Integer.parseInt(args[1]);
        try (Services services = TestServices.open(dir, Clock.systemUTC(), Map.of())) {
            services.workflows().engine().policy(new WorkflowEngine.Policy(batch, Duration.ofMinutes(2),
                    Duration.ofSeconds(5), 3));
            System.out.println("READY");
            System.out.flush();
            WorkflowPass pass = services.workflows().runDue(p -> {
                System.out.println("BATCH " + p.stage() + " " + p.done() + "/" + p.total());
                System.out.flush();
            });
            System.out.println("DONE " + pass);
            System.out.flush();
        }
    }
}
