package org.memberdesk.ui.viewmodel;

/**
 * One read of a window's data at a time, however often a reread is asked for: asked while a read
 * is under way, it runs once more after that one (whose answer may predate what changed). Many
 * changes in a row cost at most two reads. UI thread only.
 */
public final class Rereads {

    private final Runnable read;
    private boolean underWay;
    private boolean again;

    /** {@code read} starts one read in the background and calls {@link #finished()} when it is over. */
    public Rereads(Runnable read) {
        this.read = read;
    }

    /** Starts a read now, or once the one under way has finished. */
    public void request() {
        if (underWay) {
            again = true;
            return;
        }
        underWay = true;
        read.run();
    }

    /** The read under way is over (answered or failed): the one asked for meanwhile starts. */
    public void finished() {
        underWay = false;
        if (again) {
            again = false;
            request();
        }
    }

    /** Forgets a read asked for meanwhile (the window closed). */
    public void cancel() {
        again = false;
    }
}
