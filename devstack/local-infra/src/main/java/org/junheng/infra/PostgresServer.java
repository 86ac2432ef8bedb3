package org.junheng.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A PostgreSQL server to create databases on, found in this order:
 * <ol>
 *   <li>the server configured by {@code JUNHENG_PG_HOST}/{@code JUNHENG_PG_PORT} (user {@code JUNHENG_PG_USER},
 *   password {@code JUNHENG_PG_PASSWORD});</li>
 *   <li>a server already listening on 127.0.0.1:5432 (trust or the configured password);</li>
 *   <li>an embedded PostgreSQL (zonky; runs as root through {@code unshare -U}) with its data under the work dir.</li>
 * </ol>
 */
public final class PostgresServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static PostgresServer ensure(Path workDir) {
        String user = env("JUNHENG_PG_USER", "postgres");
        String password = env("JUNHENG_PG_PASSWORD", "postgres");
        String configuredHost = System.getenv("JUNHENG_PG_HOST");
        if (configuredHost != null) {
            int port = Integer.parseInt(env("JUNHENG_PG_PORT", "5432"));
            PostgresServer server = new PostgresServer(configuredHost, port, user, password, null);
            server.checkConnectable();
            LOG.log(System.Logger.Level.INFO, "using the configured PostgreSQL at {0}:{1}", configuredHost, port);
            return server;
        }
        if (Ports.accepting("127.0.0.1", 5432)) {
            PostgresServer server = new PostgresServer("127.0.0.1", 5432, user, password, null);
            if (server.connectable()) {
                LOG.log(System.Logger.Level.INFO, "using the PostgreSQL already running on 127.0.0.1:5432");
                return server;
            }
        }
        return startEmbedded(workDir.resolve("embedded-pg"));
    }

    /** Starts an embedded server whose data survives restarts when {@code keepData} (the local stack). */
    public static PostgresServer startEmbedded(Path dir) {
        return startEmbedded(dir, Ports.free(), false);
    }

    public static PostgresServer startEmbedded(Path dir, int port, boolean keepData) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dir);
            Path data = dir.resolve("data");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(!keepData)
                    .setOverrideWorkingDirectory(dir.resolve("bin").toFile())
                    .setServerConfig("unix_socket_directories", dir.toAbsolutePath().toString())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            LOG.log(System.Logger.Level.INFO, "embedded PostgreSQL ready on port {0} in {1} ms", port,
                    (System.nanoTime() - started) / 1_000_000);
            return new PostgresServer("127.0.0.1", postgres.getPort(), "postgres", "postgres", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL in " + dir, e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** Creates the database unless it exists. */
    public Database createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a lower-case identifier: " + name);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            var existing = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!existing.next()) {
                statement.execute("create database " + name + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + host + ":" + port, e);
        }
        return new Database(host, port, name, user, password);
    }

    public void dropDatabase(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "could not drop database " + name, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not stop the embedded PostgreSQL", e);
            }
        }
    }

    Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
    }

    private boolean connectable() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.INFO, "PostgreSQL on " + host + ":" + port + " refused us: " + e.getMessage());
            return false;
        }
    }

    private void checkConnectable() {
        try (Connection ignored = connect("postgres")) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("the configured PostgreSQL " + host + ":" + port + " is not reachable", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Connection facts of one database, in the forms JDBC, the Vert.x client and Quarkus want. */
    public record Database(String host, int port, String name, String user, String password) {
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }
    }
}
