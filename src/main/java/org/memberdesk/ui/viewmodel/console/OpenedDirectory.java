package org.memberdesk.ui.viewmodel.console;

import org.memberdesk.service.Services;

/** What the console found when its data directory opened in the background: empty, demo data, how many contacts. */
record OpenedDirectory(Services services, boolean empty, boolean demo, long contacts) {

    /** Reads what the start-up needs; closes the database again if that fails, so nothing is left open. */
    static OpenedDirectory of(Services services) {
        try {
            return new OpenedDirectory(services, services.demo().isEmpty(), services.demo().isDemoDatabase(),
                    services.contacts().count());
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }
}
