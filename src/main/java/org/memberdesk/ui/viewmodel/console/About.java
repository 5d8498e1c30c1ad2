package org.memberdesk.ui.viewmodel.console;

/** What Help → About shows. */
public record About(String version, String dataDirectory, String portalUrl, String agent) {
}
