package org.memberdesk.ui.viewmodel.console;

import java.net.BindException;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * The Client Portal a console session runs on the configured port: started and stopped by the
 * session, its line in the status bar, View → Open portal and Settings → Portal port.
 */
public final class ConsolePortal {

    private final Services services;
    private final ConsoleShell shell;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final Supplier<Actor> agent;
    private final StartStopOrder order;
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper(this, "url", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem");
    private volatile boolean stopped;
    private int port;

    ConsolePortal(Services services, ConsoleShell shell, ConsoleTools tools, Supplier<Actor> agent,
                  StartStopOrder order) {
        this.services = services;
        this.shell = shell;
        this.executor = tools.executor();
        this.dialogs = tools.dialogs();
        this.messages = tools.messages();
        this.agent = agent;
        this.order = order;
    }

    private boolean available() {
        return shell.portal() != PortalHost.NONE;
    }

    /** Starts the portal on the configured port; with {@code newPort}, saves that port first and restarts. */
    void start(Integer newPort) {
        if (!available()) {
            return;
        }
        PortalHost host = shell.portal();
        Actor actor = agent.get();
        status.set(messages.get("portal.starting"));
        url.set("");
        executor.submit(() -> order.start(() -> {
            if (newPort != null) {
                services.mailSettings().savePortalPort(newPort, actor);
                host.stop();
            }
            int configured = services.portalSite().configuredPort();
            try {
                String started = host.start(services, configured);
                if (stopped) {
                    host.stop(); // the session closed while the portal started
                }
                return new Started(started, configured, null);
            } catch (Exception e) {
                return new Started(null, configured, e);
            }
        }), this::started, failure -> {
            problem.set(true);
            status.set(messages.get("portal.failed", Failures.describe(failure, messages)));
        });
    }

    private void started(Started started) {
        if (stopped || started == null) {
            return;
        }
        port = started.port();
        if (started.failure() == null) {
            url.set(started.url());
            problem.set(false);
            status.set(messages.get("portal.running", started.url()));
        } else {
            url.set("");
            problem.set(true);
            status.set(portInUse(started.failure())
                    ? messages.get("portal.portInUse", Integer.toString(started.port()))
                    : messages.get("portal.failed", Failures.describe(started.failure(), messages)));
        }
    }

    /** The session closes: the status bar forgets the portal at once, the server stops in the background. */
    void detach() {
        stopped = true;
        url.set("");
        status.set("");
        problem.set(false);
    }

    /** Off the UI thread, as the session closes. */
    void stop() {
        shell.portal().stop();
    }

    private static boolean portInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Settings → Portal port…: saves the port and restarts the portal on it. */
    public void changePort() {
        if (!available()) {
            return;
        }
        Optional<String> typed = shell.windows().askText(messages.get("portalPort.title"),
                messages.get("portalPort.question"), messages.get("portalPort.label"),
                port > 0 ? Integer.toString(port) : "");
        if (typed.isEmpty()) {
            return;
        }
        int chosen;
        try {
            chosen = Integer.parseInt(typed.get().strip());
        } catch (NumberFormatException e) {
            chosen = -1;
        }
        if (chosen < 1 || chosen > 65535) {
            dialogs.showError(messages.get("portalPort.title"), messages.get("portalPort.invalid"));
            return;
        }
        start(chosen);
    }

    /** View → Open portal: the running portal in the browser. */
    public void open() {
        if (!url.get().isEmpty()) {
            shell.browser().open(url.get());
        }
    }

    /** For Help → About: the portal's address, or why it is not running. */
    public String summary() {
        return url.get().isEmpty() ? status.get() : url.get();
    }

    /** Where this computer reaches the running portal; empty while it is not running. */
    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    /** The portal's line in the status bar: its address, or why it is not running. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when the portal could not start (port in use, ...). */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private record Started(String url, int port, Exception failure) {
    }
}
