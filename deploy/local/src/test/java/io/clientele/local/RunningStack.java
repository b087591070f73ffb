package io.clientele.local;

import java.nio.file.Path;
import java.util.List;

/**
 * The platform the end-to-end tests talk to, started once per test JVM (the journeys and the hostile input
 * properties share it) and stopped when the JVM ends.
 */
final class RunningStack {

    private static LocalStack stack;

    private RunningStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            // Owners' digests gather a burst for 15 s instead of 10 min, so that a test sees one go.
            stack = LocalStack.start(Path.of(System.getProperty("clientele.home")), Path.of("target/e2e"),
                    LocalStackPorts.free(), List.of("clientele.notification.owner-digest-window=15s"));
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-stack-stop"));
        }
        return stack;
    }
}
