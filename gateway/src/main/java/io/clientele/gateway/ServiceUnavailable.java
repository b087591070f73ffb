package io.clientele.gateway;

/**
 * A service behind the edge did not answer (refused the connection, timed out, or failed): the edge answers 503
 * rather than letting the failure show as a 500.
 */
public final class ServiceUnavailable extends RuntimeException {

    public ServiceUnavailable(Throwable cause) {
        super("A service behind the edge did not answer", cause, false, false);
    }
}
