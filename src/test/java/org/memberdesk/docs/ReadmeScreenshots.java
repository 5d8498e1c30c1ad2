package org.memberdesk.docs;

import org.memberdesk.testsupport.TestServices;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.memberdesk.MemberDeskApp;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.DemoInboxService;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.Await;
import org.memberdesk.ui.view.common.Stylesheets;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Regenerates the README screenshots from the real console on fresh data directories: the first-run
 * welcome, the main window (light and dark), the contact window's tabs, the demo inbox and the
 * portal's reset page. Run it with {@code docs/screenshots/generate} (under Xvfb when available).
 * Every shot is checked for what it must show, so a broken screen fails the run instead of
 * landing in the README.
 */
public final class ReadmeScreenshots {

    private static final String AGENT = "Sam (support)";
    private final Path out;
    private final FxRobot robot = new FxRobot();
    private final List<String> written = new ArrayList<>();

    private ReadmeScreenshots(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        ReadmeScreenshots shots = new ReadmeScreenshots(out);
        int exit = 0;
        try {
            shots.welcome();
            shots.demo();
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            shots.written.forEach(name -> System.out.println("wrote " + out.resolve(name)));
        }
        System.exit(exit);
    }

    /** A new data directory: the first-run welcome. */
    private void welcome() throws Exception {
        Path dir = Files.createTempDirectory("memberdesk-shots-welcome");
        try {
            MemberDeskApp app = launch(dir);
            Stage welcome = waitFor(() -> window("Welcome to MemberDesk"), "the welcome");
            shoot(welcome.getScene(), "welcome.png");
            close(app);
        } finally {
            delete(dir);
        }
    }

    /** The demo data set: main window, contact window tabs, demo inbox, portal reset page, dark theme. */
    private void demo() throws Exception {
        Path dir = Files.createTempDirectory("memberdesk-shots-demo");
        try {
            String resetLink = prepareDemo(dir);
            MemberDeskApp app = launch(dir);
            TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
            waitUntil(() -> contacts.getItems().size() > 40, "the demo contacts");
            waitUntil(() -> robot.lookup("#portalLink").queryLabeled().getText().startsWith("Portal: http"),
                    "the portal running");
            Scene main = contacts.getScene();
            robot.interact(() -> main.getWindow().requestFocus());
            shoot(main, "main-window.png");

            robot.clickOn("#searchField").write("dana");
            waitUntil(() -> contacts.getItems().size() == 1, "Dana found");
            robot.type(KeyCode.ENTER);
            Stage contact = waitFor(() -> windowStartingWith("Dana Whitfield"), "Dana's contact window");
            TableView<?> emails = robot.from(contact.getScene().getRoot()).lookup("#emailTable").queryTableView();
            waitUntil(() -> !emails.getItems().isEmpty(), "Dana's emails");
            TabPane tabs = robot.from(contact.getScene().getRoot()).lookup("#tabs").queryAs(TabPane.class);
            for (int i = 0; i < tabs.getTabs().size(); i++) {
                Tab tab = tabs.getTabs().get(i);
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                pause(600);
                shoot(contact.getScene(), i == 0 ? "contact-window.png" : "contact-window-" + slug(tab.getText()) + ".png");
            }
            robot.interact(contact::close);

            robot.interact(() -> app.console().sessionProperty().get().mail().openDemoInbox());
            Stage inbox = waitFor(() -> window("Inbox (demo)").or(() -> windowStartingWith("Inbox")), "the demo inbox");
            TableView<?> messages = robot.from(inbox.getScene().getRoot()).lookup("#inboxTable").queryTableView();
            waitUntil(() -> !messages.getItems().isEmpty(), "messages in the demo inbox");
            robot.interact(() -> messages.getSelectionModel().select(0));
            pause(800);
            shoot(inbox.getScene(), "demo-inbox.png");
            robot.interact(inbox::close);

            portalPage(resetLink, "portal-reset.png");

            robot.interact(() -> app.console().list().clearQuery());
            waitUntil(() -> contacts.getItems().size() > 40, "the full list again");
            robot.interact(() -> Stylesheets.setDark(true));
            pause(500);
            shoot(main, "main-window-dark.png");
            robot.interact(() -> Stylesheets.setDark(false));
            close(app);
        } finally {
            delete(dir);
        }
    }

    /** Demo data, the portal on a free port, the agent's name, and a fresh reset email in the demo inbox. */
    private static String prepareDemo(Path dir) throws IOException {
        new ConsolePreferences(new DataDirectory(dir)).saveAgentName(AGENT);
        try (Services services = TestServices.open(dir, Clock.systemDefaultZone(), Map.of())) {
            services.transactions().write(t -> {
                t.settings().put("portal.port", Integer.toString(freePort()), Instant.now());
                return null;
            });
            services.demo().seed();
            services.credentials().sendResetLink("dana.whitfield@example.com", null, Duration.ofHours(24),
                    Actor.agent(AGENT));
            services.emails().runOutbox(true);
            DemoInboxService inbox = services.demoInbox();
            return inbox.list().stream()
                    .flatMap(summary -> inbox.open(summary.id()).stream())
                    .flatMap(message -> message.links().stream())
                    .filter(link -> link.contains("/reset/"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no reset link in the demo inbox"));
        }
    }

    private void portalPage(String url, String file) throws Exception {
        Stage[] stage = new Stage[1];
        WebView[] view = new WebView[1];
        robot.interact(() -> {
            view[0] = new WebView();
            stage[0] = new Stage();
            stage[0].setTitle("Client Portal");
            stage[0].setScene(new Scene(view[0], 900, 720));
            stage[0].show();
            view[0].getEngine().load(url);
        });
        waitUntil(() -> view[0].getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED, "the reset page");
        waitUntil(() -> {
            Object text = view[0].getEngine().executeScript("document.body ? document.body.innerText : ''");
            return String.valueOf(text).toLowerCase(Locale.ROOT).contains("password");
        }, "the reset form");
        pause(800);
        shoot(stage[0].getScene(), file);
        robot.interact(stage[0]::close);
    }

    private MemberDeskApp launch(Path dir) throws Exception {
        FxToolkit.registerPrimaryStage();
        return (MemberDeskApp) FxToolkit.setupApplication(
                () -> new MemberDeskApp(new DataDirectory(dir), Clock.systemDefaultZone(), Map.of()));
    }

    private static void close(MemberDeskApp app) throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
    }

    private void shoot(Scene scene, String file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", out.resolve(file).toFile());
        written.add(file);
    }

    private static Optional<Stage> window(String title) {
        return stages().filter(stage -> title.equals(stage.getTitle())).findFirst();
    }

    private static Optional<Stage> windowStartingWith(String title) {
        return stages().filter(stage -> stage.getTitle() != null && stage.getTitle().startsWith(title)).findFirst();
    }

    private static Stream<Stage> stages() {
        return Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(Window::isShowing);
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The usual 7321 when it is free (the screenshots then show the default), else any free port. */
    private static int freePort() {
        try (ServerSocket usual = new ServerSocket(7321, 1, InetAddress.getLoopbackAddress())) {
            return usual.getLocalPort();
        } catch (IOException inUse) {
            // taken: pick another
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition, String what) {
        Await.until(Duration.ofSeconds(60), () -> holdsOnFxThread(condition), what);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The condition, checked on the FX thread; one that throws (a node not there yet) has not held yet. */
    private static boolean holdsOnFxThread(Callable<Boolean> condition) {
        try {
            return Boolean.TRUE.equals(WaitForAsyncUtils.asyncFx(condition).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static <T> T waitFor(Callable<Optional<T>> lookup, String what) throws Exception {
        waitUntil(() -> lookup.call().isPresent(), what);
        return WaitForAsyncUtils.asyncFx(lookup).get().orElseThrow();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

}
