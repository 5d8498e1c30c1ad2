package org.memberdesk.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.persistence.Database;
import org.memberdesk.service.credentials.Tokens;

/**
 * A dispatching process for {@link KillNineTest}: delivers the outbox of a data directory to an
 * SMTP port and prints one line per message sent, so the test knows when to kill it.
 * Arguments: data directory, SMTP port, pause in ms after each message.
 */
public final class DispatchingChild {

    private DispatchingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        long pauseMillis = Long.parseLong(args[2]);
        Map<String, String> env = Map.of(MailSettingsStore.ENV_HOST, "127.0.0.1",
                MailSettingsStore.ENV_PORT, String.valueOf(port), MailSettingsStore.ENV_SECURITY, "none",
                MailSettingsStore.ENV_FROM, "support@example.com");
        Database db = Database.open(dir.resolve("memberdesk.db"));
        Dispatcher dispatcher = new Dispatcher(db, Clock.systemUTC(),
                new MailSettingsStore(new SecretBox(dir.resolve("secret.key")), env), new PortalLinks(Map.of()),
                Tokens::mint, null, MailFixture.FAST);
        dispatcher.addListener(event -> {
            if (event.type() == DeliveryEvent.Type.MESSAGE_UPDATED && event.status() == EmailStatus.SENT) {
                System.out.println("SENT " + event.emailId());
                System.out.flush();
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.out.println("READY");
        System.out.flush();
        Dispatcher.Result result = dispatcher.runUntilEmpty();
        System.out.println("DONE " + result);
        db.close();
    }
}
