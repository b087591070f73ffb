package io.clientele.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A PostgreSQL server run from the binaries on the classpath, with one database per service. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "clientele";
    public static final String PASSWORD = "clientele";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server on the port (0 for any free one) with the {@value #USER} role. */
    public static EmbeddedPostgresServer start(int port) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? FreePorts.next() : port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            server.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    /** The postmaster's process (first line of its data directory's postmaster.pid), for a later run to stop it. */
    public long pid() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet directory = statement.executeQuery("SHOW data_directory")) {
            directory.next();
            return Long.parseLong(java.nio.file.Files.readAllLines(
                    java.nio.file.Path.of(directory.getString(1), "postmaster.pid")).getFirst().strip());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not read the postmaster's pid", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the database (owned by {@value #USER}) unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    private void execute(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
