package io.clientele.schemas.registry;

/** The schema registry refused a call or could not be reached. */
public class SchemaRegistryException extends RuntimeException {

    private final int status;

    public SchemaRegistryException(String message, int status) {
        super(message);
        this.status = status;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** The HTTP status the registry answered with, or -1 when it was not reached. */
    public int status() {
        return status;
    }
}
