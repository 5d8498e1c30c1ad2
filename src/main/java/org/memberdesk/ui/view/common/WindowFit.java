package org.memberdesk.ui.view.common;

import java.util.List;
import java.util.Optional;

/**
 * Where a main window goes, as plain arithmetic over screen rectangles: a default size from the
 * primary screen, and a remembered rectangle kept only when it still fits on a current screen.
 */
public final class WindowFit {

    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 600;
    public static final double MAX_WIDTH = 1280;
    public static final double MAX_HEIGHT = 860;
    static final double SHARE = 0.85;
    // How much of a remembered window must lie on a screen for it to count as still there.
    static final double VISIBLE_SHARE = 0.5;

    /** A rectangle in screen coordinates. */
    public record Box(double x, double y, double width, double height) {

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        double overlap(Box other) {
            double w = Math.min(right(), other.right()) - Math.max(x, other.x);
            double h = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
            return w <= 0 || h <= 0 ? 0 : w * h;
        }
    }

    private WindowFit() {
    }

    /** 85% of the screen, at least 800×600 where the screen allows, at most 1280×860, centred. */
    public static Box defaultFor(Box screen) {
        double width = Math.min(screen.width(), clamp(screen.width() * SHARE, MIN_WIDTH, MAX_WIDTH));
        double height = Math.min(screen.height(), clamp(screen.height() * SHARE, MIN_HEIGHT, MAX_HEIGHT));
        return new Box(screen.x() + (screen.width() - width) / 2, screen.y() + (screen.height() - height) / 2,
                width, height);
    }

    /** The smallest the window may get: 800×600, or the screen when it is smaller. */
    public static Box minimumFor(Box screen) {
        return new Box(0, 0, Math.min(MIN_WIDTH, screen.width()), Math.min(MIN_HEIGHT, screen.height()));
    }

    /**
     * The remembered rectangle on the screen it mostly lies on, shrunk and moved to fit inside it;
     * the default on the primary screen when there is none or it is mostly off every screen.
     */
    public static Box fit(Optional<Box> remembered, List<Box> screens, Box primary) {
        if (remembered.isEmpty() || !(remembered.get().width() > 0) || !(remembered.get().height() > 0)) {
            return defaultFor(primary);
        }
        Box window = remembered.get();
        Box best = mostlyOn(window, screens);
        if (best == null) {
            return defaultFor(primary);
        }
        Box min = minimumFor(best);
        double width = clamp(window.width(), min.width(), best.width());
        double height = clamp(window.height(), min.height(), best.height());
        double x = clamp(window.x(), best.x(), best.right() - width);
        double y = clamp(window.y(), best.y(), best.bottom() - height);
        return new Box(x, y, width, height);
    }

    /**
     * A remembered secondary window moved and shrunk onto the screen it mostly lies on (no minimum
     * size: a small dialog stays small); empty when it lies mostly off every screen.
     */
    public static Optional<Box> keepOn(Box window, List<Box> screens) {
        if (!(window.width() > 0) || !(window.height() > 0)) {
            return Optional.empty();
        }
        Box best = mostlyOn(window, screens);
        if (best == null) {
            return Optional.empty();
        }
        double width = Math.min(window.width(), best.width());
        double height = Math.min(window.height(), best.height());
        return Optional.of(new Box(clamp(window.x(), best.x(), best.right() - width),
                clamp(window.y(), best.y(), best.bottom() - height), width, height));
    }

    /** How far each cascaded window sits right of and below the one before. */
    public static final double CASCADE_STEP = 32;

    /** A window of the size asked for, shrunk to fit the screen, centred on it. */
    public static Box sized(Box screen, double width, double height) {
        double w = Math.min(width, screen.width());
        double h = Math.min(height, screen.height());
        return new Box(screen.x() + (screen.width() - w) / 2, screen.y() + (screen.height() - h) / 2, w, h);
    }

    /**
     * The {@code step}-th window (1, 2, …) cascaded from {@code anchor}: offset by {@link #CASCADE_STEP}
     * per step and started again near the anchor when it would leave the screen. On a screen too small
     * for the size asked, the window shrinks (not below {@code minWidth}×{@code minHeight}) so that the
     * anchor's title bar and left edge stay in sight instead of being covered.
     */
    public static Box cascade(Box anchor, int step, double width, double height, double minWidth, double minHeight,
            Box screen) {
        double minW = Math.min(Math.min(minWidth, width), screen.width());
        double minH = Math.min(Math.min(minHeight, height), screen.height());
        int fitting = (int) Math.max(1, Math.min((screen.right() - minW - anchor.x()) / CASCADE_STEP,
                (screen.bottom() - minH - anchor.y()) / CASCADE_STEP));
        int offset = ((Math.max(1, step) - 1) % fitting) + 1;
        double x = Math.max(screen.x(), anchor.x() + offset * CASCADE_STEP);
        double y = Math.max(screen.y(), anchor.y() + offset * CASCADE_STEP);
        double w = Math.max(minW, Math.min(width, screen.right() - x));
        double h = Math.max(minH, Math.min(height, screen.bottom() - y));
        return new Box(clamp(x, screen.x(), screen.right() - w), clamp(y, screen.y(), screen.bottom() - h), w, h);
    }

    /** {@link #cascade(Box, int, double, double, double, double, Box)} for a window that may shrink to nothing. */
    public static Box cascade(Box anchor, int step, double width, double height, Box screen) {
        return cascade(anchor, step, width, height, width, height, screen);
    }

    /**
     * The screen {@code window} overlaps most, when that overlap is at least {@link #VISIBLE_SHARE} of
     * what could be visible of it there (the window, or the screen when the window is larger); else null.
     */
    private static Box mostlyOn(Box window, List<Box> screens) {
        Box best = null;
        double bestOverlap = 0;
        for (Box screen : screens) {
            double overlap = window.overlap(screen);
            if (overlap > bestOverlap) {
                best = screen;
                bestOverlap = overlap;
            }
        }
        if (best == null || bestOverlap < Math.min(window.width() * window.height(),
                best.width() * best.height()) * VISIBLE_SHARE) {
            return null;
        }
        return best;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
