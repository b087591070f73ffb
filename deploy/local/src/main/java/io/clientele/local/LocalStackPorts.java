package io.clientele.local;

import io.clientele.platform.embedded.FreePorts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where each part of the local stack listens. */
public record LocalStackPorts(int edge, int customer, int access, int imports, int notification, int postgres,
                              int registry, int smtp, int imap, int identity) {

    /** The documented ports of {@code ./clientele up}. */
    public static LocalStackPorts defaults() {
        return new LocalStackPorts(8080, 8081, 8082, 8083, 8084, 15432, 8085, 3025, 3143, 9000);
    }

    /** A connection to a service's database on the stack's PostgreSQL, as the services connect. */
    public Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres + "/" + name, "clientele", "clientele");
    }

    /** Free ports, for a stack that must not collide with one already running (tests). */
    public static LocalStackPorts free() {
        return new LocalStackPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
    }
}
