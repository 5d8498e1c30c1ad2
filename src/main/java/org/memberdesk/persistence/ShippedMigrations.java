package org.memberdesk.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The versioned SQL migrations this build ships, with the checksums Flyway records for them, and
 * whether a database has applied exactly these: then migrating and validating would change nothing.
 * Looking costs a directory listing and one query, where booting Flyway costs seconds.
 */
final class ShippedMigrations {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private ShippedMigrations() {
    }

    /** Version (as Flyway writes it in its history) to checksum, of every versioned migration shipped. */
    static Map<String, Integer> checksums(Engine engine) {
        String location = engine.migrations();
        ClassLoader loader = Objects.requireNonNull(ShippedMigrations.class.getClassLoader());
        Map<String, Integer> checksums = new HashMap<>();
        for (String name : names(loader, location)) {
            Matcher m = VERSIONED.matcher(name);
            if (m.matches()) {
                String resource = location + "/" + name;
                try (InputStream in = Objects.requireNonNull(loader.getResourceAsStream(resource), resource)) {
                    checksums.put(m.group(1).replace('_', '.'), checksum(in));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return checksums;
    }

    /**
     * True when the database's Flyway history holds exactly the shipped migrations, each applied
     * successfully with the shipped checksum. Anything else (a new database, a migration to apply, a
     * changed, failed, missing or unknown one) is false: Flyway then migrates and validates.
     */
    static boolean appliedIn(Connection connection, Engine engine) throws SQLException {
        Map<String, Integer> applied = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(engine.historyTableCount())) {
                if (!exists.next() || exists.getInt(1) == 0) {
                    return false;
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "select version, checksum, type, success from flyway_schema_history")) {
                while (rows.next()) {
                    String version = rows.getString(1);
                    int checksum = rows.getInt(2);
                    boolean checksumKnown = !rows.wasNull();
                    if (version == null || !checksumKnown || !"SQL".equals(rows.getString(3)) || !rows.getBoolean(4)
                            || applied.put(version, checksum) != null) {
                        return false;
                    }
                }
            }
        }
        return !applied.isEmpty() && applied.equals(checksums(engine));
    }

    /** Flyway's checksum of a SQL migration: CRC-32 over its lines in UTF-8, without line breaks or a BOM. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        while (line != null) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            line = reader.readLine();
        }
        return (int) crc.getValue();
    }

    private static List<String> names(ClassLoader loader, String folder) {
        URL location = loader.getResource(folder);
        if (location == null) {
            return List.of();
        }
        try {
            if ("jar".equals(location.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                connection.setUseCaches(true);
                JarFile jar = connection.getJarFile();
                String prefix = folder + "/";
                return jar.stream().map(entry -> entry.getName())
                        .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                        .map(name -> name.substring(prefix.length()))
                        .toList();
            }
            try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                return files.map(file -> file.getFileName().toString()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
