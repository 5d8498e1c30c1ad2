package org.memberdesk.ui.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.view.common.WindowFit.Box;

class WindowFitTest {

    private static final Box SMALL = new Box(0, 0, 1000, 700);
    private static final Box WIDE = new Box(0, 0, 1920, 1040);
    private static final Box RIGHT = new Box(1920, 0, 1280, 984);

    @Test
    void theDefaultIsMostOfTheScreenWithinLimitsAndCentred() {
        assertThat(WindowFit.defaultFor(SMALL)).isEqualTo(new Box(75, 50, 850, 600));
        assertThat(WindowFit.defaultFor(WIDE)).isEqualTo(new Box(320, 90, 1280, 860));
        assertThat(WindowFit.defaultFor(new Box(0, 0, 640, 480))).isEqualTo(new Box(0, 0, 640, 480));
    }

    @Test
    void theMinimumIs800By600OrTheScreen() {
        assertThat(WindowFit.minimumFor(WIDE)).isEqualTo(new Box(0, 0, 800, 600));
        assertThat(WindowFit.minimumFor(new Box(0, 0, 640, 480))).isEqualTo(new Box(0, 0, 640, 480));
    }

    @Test
    void aRememberedWindowThatFitsIsKept() {
        Box remembered = new Box(2000, 40, 1000, 700);
        assertThat(WindowFit.fit(Optional.of(remembered), List.of(WIDE, RIGHT), WIDE)).isEqualTo(remembered);
    }

    @Test
    void aRememberedWindowOffEveryScreenGetsTheDefault() {
        Box onAGoneMonitor = new Box(3500, 100, 1000, 700);
        assertThat(WindowFit.fit(Optional.of(onAGoneMonitor), List.of(WIDE), WIDE))
                .isEqualTo(WindowFit.defaultFor(WIDE));
        Box mostlyOff = new Box(1700, 100, 1000, 700);
        assertThat(WindowFit.fit(Optional.of(mostlyOff), List.of(WIDE), WIDE)).isEqualTo(WindowFit.defaultFor(WIDE));
        assertThat(WindowFit.fit(Optional.empty(), List.of(WIDE), WIDE)).isEqualTo(WindowFit.defaultFor(WIDE));
    }

    @Test
    void aRememberedWindowLargerThanTheScreenIsShrunkAndMovedOnto() {
        Box fromABiggerScreen = new Box(-10, -5, 1900, 1200);
        assertThat(WindowFit.fit(Optional.of(fromABiggerScreen), List.of(SMALL), SMALL))
                .isEqualTo(SMALL);
        Box tooSmall = new Box(100, 100, 300, 200);
        assertThat(WindowFit.fit(Optional.of(tooSmall), List.of(WIDE), WIDE)).isEqualTo(new Box(100, 100, 800, 600));
    }

    @Test
    void aSecondaryWindowIsShrunkToTheScreenAndCentred() {
        assertThat(WindowFit.sized(new Box(0, 0, 800, 600), 1240, 760)).isEqualTo(new Box(0, 0, 800, 600));
        assertThat(WindowFit.sized(SMALL, 520, 350)).isEqualTo(new Box(240, 175, 520, 350));
    }

    @Test
    void contactWindowsCascadeFromTheMainWindowAndStartAgainAtTheScreensEdge() {
        Box main = new Box(100, 50, 1000, 600);
        assertThat(WindowFit.cascade(main, 1, 900, 600, WIDE)).isEqualTo(new Box(132, 82, 900, 600));
        assertThat(WindowFit.cascade(main, 2, 900, 600, WIDE)).isEqualTo(new Box(164, 114, 900, 600));
        Box screen = new Box(0, 0, 1024, 768);
        Box first = WindowFit.cascade(new Box(0, 0, 1024, 768), 1, 900, 600, screen);
        assertThat(first).isEqualTo(new Box(32, 32, 900, 600));
        for (int step = 1; step < 12; step++) {
            Box placed = WindowFit.cascade(new Box(0, 0, 1024, 768), step, 900, 600, screen);
            assertThat(placed.x() + placed.width()).isLessThanOrEqualTo(1024);
            assertThat(placed.y() + placed.height()).isLessThanOrEqualTo(768);
            assertThat(placed.x()).as("never exactly over the main window").isGreaterThan(0);
        }
    }

    @Test
    void onASmallScreenAContactWindowShrinksSoTheMainWindowsCornerStaysInSight() {
        Box screen = new Box(0, 0, 1024, 768);
        Box main = new Box(77, 58, 870, 652); // about the default at 1024×768
        Box first = WindowFit.cascade(main, 1, 1240, 760, 720, 420, screen);
        assertThat(first.x()).isEqualTo(main.x() + WindowFit.CASCADE_STEP);
        assertThat(first.y()).isEqualTo(main.y() + WindowFit.CASCADE_STEP);
        assertThat(first.right()).isEqualTo(1024);
        assertThat(first.bottom()).isEqualTo(768);
        Box second = WindowFit.cascade(main, 2, 1240, 760, 720, 420, screen);
        assertThat(second.x()).isEqualTo(first.x() + WindowFit.CASCADE_STEP);
        assertThat(second.width()).isGreaterThanOrEqualTo(720);
        Box tiny = new Box(0, 0, 800, 600);
        Box onTiny = WindowFit.cascade(WindowFit.defaultFor(tiny), 1, 1240, 760, 720, 420, tiny);
        assertThat(onTiny).isEqualTo(new Box(32, 32, 768, 568));
        Box third = WindowFit.cascade(WindowFit.defaultFor(tiny), 3, 1240, 760, 720, 420, tiny);
        assertThat(third).as("no room for a third step: back to the first").isEqualTo(onTiny);
    }

    @Test
    void aRememberedDialogKeepsItsOwnSizeOnAScreenAndIsDroppedWhenOffEveryScreen() {
        assertThat(WindowFit.keepOn(new Box(100, 100, 480, 300), List.of(WIDE))).contains(new Box(100, 100, 480, 300));
        assertThat(WindowFit.keepOn(new Box(1500, 800, 480, 300), List.of(WIDE)))
                .contains(new Box(1440, 740, 480, 300));
        assertThat(WindowFit.keepOn(new Box(5000, 100, 480, 300), List.of(WIDE, RIGHT))).isEmpty();
    }
}
