package org.memberdesk.ui.viewmodel.console;

import org.memberdesk.service.Services;

/** Demo data written into a data directory: how many contacts were loaded, and how many there are now. */
record SeededDemo(Services services, int loaded, long total) {

    /** Reset demo's background work on a freshly opened database; closes it again if the reset fails. */
    static SeededDemo reset(Services services) {
        try {
            int loaded = services.demo().reset();
            services.demoInbox().clear();
            return new SeededDemo(services, loaded, services.contacts().count());
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }
}
