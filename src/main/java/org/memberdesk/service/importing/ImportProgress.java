package org.memberdesk.service.importing;

import org.memberdesk.service.StateCode;

/**
 * Progress of a preview or an import, reported from the thread doing the work (a console view
 * model hands it to the FX thread itself). Phases: {@code reading} (done and total in bytes),
 * {@code checking} and {@code writing} (in rows). An exception thrown here stops the work; an
 * import then writes nothing.
 */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, done, total) -> { };

    void update(Phase phase, long done, long total);

    /** Reading the file, checking its rows, writing them: a preview stops after checking. */
    enum Phase implements StateCode {
        READING, CHECKING, WRITING;

        /** The code, so a state in a message reads as it does in JSON. */
        @Override
        public String toString() {
            return code();
        }
    }
}
