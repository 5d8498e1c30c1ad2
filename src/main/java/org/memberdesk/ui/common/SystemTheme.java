package org.memberdesk.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Best-effort: does the desktop prefer a dark theme? JavaFX 21 cannot tell (JavaFX 22's
 * {@code Platform.getPreferences()} can), so ask the OS: GNOME's color-scheme or GTK theme name
 * (and GTK_THEME), macOS's AppleInterfaceStyle, Windows' AppsUseLightTheme. Runs small commands:
 * call it off the UI thread. Unknown means light.
 */
public final class SystemTheme {

    private SystemTheme() {
    }

    public static boolean prefersDark() {
        return prefersDark(System.getProperty("os.name", ""), System.getenv());
    }

    static boolean prefersDark(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return run("defaults", "read", "-g", "AppleInterfaceStyle").toLowerCase(Locale.ROOT).contains("dark");
        }
        if (os.contains("win")) {
            String value = run("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme");
            return value.contains("0x0") && !value.contains("0x1");
        }
        String gtk = env.getOrDefault("GTK_THEME", "");
        if (gtk.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        String scheme = run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
        if (scheme.contains("prefer-dark")) {
            return true;
        }
        if (scheme.contains("prefer-light")) {
            return false;
        }
        return run("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme").toLowerCase(Locale.ROOT)
                .contains("dark");
    }

    /** The command's output, or "" when it is missing, fails or takes longer than two seconds. */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            try (InputStream out = process.getInputStream()) {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return "";
                }
                String text = new String(out.readNBytes(4096), StandardCharsets.UTF_8);
                return process.exitValue() == 0 ? text : "";
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
