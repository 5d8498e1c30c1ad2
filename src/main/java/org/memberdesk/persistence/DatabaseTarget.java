package org.memberdesk.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which database a process works on: the SQLite file of a data directory (one desk, demos) or a
 * shared PostgreSQL server (a team). A PostgreSQL URL never carries the password: it would show in
 * process arguments and in every place the URL is printed.
 */
public sealed interface DatabaseTarget {

    /** What a person is shown: the file, or the URL without secrets. */
    String shown();

    static DatabaseTarget sqlite(Path file) {
        return new SqliteFile(file);
    }

    /**
     * A PostgreSQL server from a {@code postgresql://user@host:port/db?params} or
     * {@code jdbc:postgresql://…} URL, with the password given apart (empty: none, or a
     * {@code ~/.pgpass} the driver reads). TLS is {@code sslmode=verify-full} unless the URL names
     * another mode or the host is this machine.
     *
     * @throws IllegalArgumentException with a plain sentence when the URL is not usable
     */
    static Postgres postgres(String url, Optional<String> password) {
        return Postgres.parse(url, password);
    }

    record SqliteFile(Path path) implements DatabaseTarget {
        @Override
        public String shown() {
            return path.toString();
        }
    }

    record Postgres(String jdbcUrl, String host, int port, String database, Optional<String> user,
                    Optional<String> password) implements DatabaseTarget {

        private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
        private static final Set<String> SECRET_PARAMETERS = Set.of("password", "sslpassword");

        @Override
        public String shown() {
            return jdbcUrl.substring("jdbc:".length());
        }

        /** The server and database, as messages and the status bar name them: {@code host:port/database}. */
        public String where() {
            return host + ":" + port + "/" + database;
        }

        @Override
        public String toString() {
            return "Postgres[" + shown() + "]";
        }

        /** The same server and database with another password. */
        public Postgres withPassword(Optional<String> newPassword) {
            return new Postgres(jdbcUrl, host, port, database, user, newPassword);
        }

        static Postgres parse(String url, Optional<String> password) {
            String text = url == null ? "" : url.trim();
            String lower = text.toLowerCase(Locale.ROOT);
            String rest;
            if (lower.startsWith("jdbc:postgresql://")) {
                rest = text.substring("jdbc:postgresql://".length());
            } else if (lower.startsWith("postgresql://")) {
                rest = text.substring("postgresql://".length());
            } else if (lower.startsWith("postgres://")) {
                rest = text.substring("postgres://".length());
            } else {
                // not quoted: a mistyped URL may still hold a password
                int scheme = text.indexOf("://");
                throw new IllegalArgumentException("not a PostgreSQL URL"
                        + (scheme > 0 ? " (it starts with " + text.substring(0, scheme) + "://)" : "")
                        + ": write postgresql://USER@HOST:PORT/DATABASE");
            }
            URI uri;
            try {
                uri = new URI("postgresql://" + rest);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("the database URL is malformed: " + e.getReason());
            }
            String host = uri.getHost();
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("the database URL names no server: write postgresql://USER@HOST:PORT/DATABASE");
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            String database = path.startsWith("/") ? path.substring(1) : path;
            if (database.isBlank() || database.contains("/")) {
                throw new IllegalArgumentException("the database URL names no database: write postgresql://USER@HOST:PORT/DATABASE");
            }
            Optional<String> user = Optional.empty();
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null) {
                if (userInfo.contains(":")) {
                    throw new IllegalArgumentException(refusedPassword());
                }
                user = Optional.of(decode(userInfo));
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    if (SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                        throw new IllegalArgumentException(refusedPassword());
                    }
                    if (name.equalsIgnoreCase("user")) {
                        user = Optional.of(value);
                    } else {
                        parameters.put(name, value);
                    }
                }
            }
            if (!parameters.containsKey("sslmode") && !LOCAL.contains(host.toLowerCase(Locale.ROOT))) {
                parameters.put("sslmode", "verify-full");
            }
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            StringBuilder jdbc = new StringBuilder("jdbc:postgresql://");
            user.ifPresent(name -> jdbc.append(encode(name)).append('@'));
            jdbc.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                    .append(':').append(port).append('/').append(encode(database));
            if (!parameters.isEmpty()) {
                jdbc.append('?').append(parameters.entrySet().stream()
                        .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                        .collect(Collectors.joining("&")));
            }
            return new Postgres(jdbc.toString(), host, port, database, user, password.filter(p -> !p.isEmpty()));
        }

        /** A new plain JDBC connection (no pool): for the change feed's LISTEN and for tools. */
        public java.sql.Connection connect(String applicationName) throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection(driverUrl(), properties(applicationName, 10));
        }

        /**
         * As {@link #connect(String)}, giving up when connecting and logging in take longer than
         * {@code timeout} (a server that never answers: Test connection).
         */
        public java.sql.Connection connect(String applicationName, java.time.Duration timeout)
                throws java.sql.SQLException {
            long seconds = Math.max(1, timeout.toSeconds());
            java.util.Properties properties = properties(applicationName, seconds);
            properties.setProperty("loginTimeout", Long.toString(seconds));
            return java.sql.DriverManager.getConnection(driverUrl(), properties);
        }

        private java.util.Properties properties(String applicationName, long connectSeconds) {
            java.util.Properties properties = new java.util.Properties();
            user.ifPresent(name -> properties.setProperty("user", name));
            password.ifPresent(secret -> properties.setProperty("password", secret));
            properties.setProperty("ApplicationName", applicationName);
            properties.setProperty("connectTimeout", Long.toString(connectSeconds));
            properties.setProperty("tcpKeepAlive", "true");
            // a read from a server that went silent gives up instead of waiting for the 2-hour keepalive
            properties.setProperty("socketTimeout", "300");
            return properties;
        }

        /** The URL pgJDBC is given: without the user, which goes apart as a property. */
        String driverUrl() {
            return user.map(name -> jdbcUrl.replaceFirst("//" + java.util.regex.Pattern.quote(encode(name)) + "@", "//"))
                    .orElse(jdbcUrl);
        }

        private static String refusedPassword() {
            return "the database URL carries a password: refused, as it would show in process lists and logs;"
                    + " leave it out of the URL and give it in MEMBERDESK_DATABASE_PASSWORD"
                    + " or store it in the console (Settings → Database)";
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }

        private static String encode(String text) {
            return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
