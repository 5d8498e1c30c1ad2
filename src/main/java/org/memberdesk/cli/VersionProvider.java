package org.memberdesk.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code MemberDesk <version>}, the version coming from the jar manifest ("dev" when run from classes). */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"MemberDesk " + version()};
    }

    static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
