package org.memberdesk.service.storage;

/** Where the main window was when the console last closed: its normal bounds, and whether it was maximised. */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
}
