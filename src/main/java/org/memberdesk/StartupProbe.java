package org.memberdesk;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * {@code memberdesk --startup-probe}: waits until the main window is interactive (the contact list
 * shows its first rows and the search field has the focus), lets that frame lay out, prints the
 * milliseconds since the JVM started and exits. The benchmark harness (B1) reads the line.
 */
public final class StartupProbe {

    public static final String PROPERTY = "memberdesk.startupProbe";
    public static final String PREFIX = "memberdesk-startup";

    private final Scene scene;
    private final BooleanSupplier interactive;
    private final PrintStream out;
    private final Runnable listener = this::afterLayout;
    private boolean reported;

    private StartupProbe(Scene scene, BooleanSupplier interactive, PrintStream out) {
        this.scene = scene;
        this.interactive = interactive;
        this.out = out;
    }

    public static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Reports once {@code interactive} holds after a layout pulse of {@code scene}, then exits the app. */
    public static void watch(Scene scene, BooleanSupplier interactive) {
        StartupProbe probe = new StartupProbe(scene, interactive, System.out);
        scene.addPostLayoutPulseListener(probe.listener);
    }

    private void afterLayout() {
        if (reported || !interactive.getAsBoolean()) {
            return;
        }
        reported = true;
        report(out);
        Platform.runLater(() -> scene.removePostLayoutPulseListener(listener));
        Platform.runLater(Platform::exit);
    }

    /** Prints the milliseconds since the JVM started, in the line the harness reads. */
    static void report(PrintStream out) {
        out.println(PREFIX + " ms=" + sinceJvmStart());
        out.flush();
    }

    /** As {@link #report(PrintStream)}, on standard output: the probes' one channel to the harness. */
    static void report() {
        report(System.out);
    }

    /** Prints when a step on the way was reached, for the reader of the probe's output (not the harness). */
    static void step(String step) {
        System.out.println(PREFIX + " " + step + " at ms=" + sinceJvmStart());
        System.out.flush();
    }

    private static long sinceJvmStart() {
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElseThrow();
        return Duration.between(jvmStart, Instant.now()).toMillis();
    }
}
