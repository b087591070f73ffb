package io.clientele.gateway.page;

import java.util.List;
import java.util.Map;

/** What a service answered a page's call, in the terms a page shows. */
sealed interface Outcome {

    /** Done; the body of the answer, if it had one. */
    record Done(Map<String, Object> body) implements Outcome {
    }

    /** The input was refused; the fields named, as the service named them. */
    record Refused(String type, List<String> fields) implements Outcome {
    }

    /** The link's token was used, expired or never existed. */
    record LinkNotValid() implements Outcome {
    }

    /** The e-mail and password did not match, or the account cannot log in. */
    record Denied(String type) implements Outcome {
    }

    /** Too many attempts from this address or for this account: try again later. */
    record TooMany() implements Outcome {
    }

    /** The service failed or did not answer in time. */
    record Unavailable() implements Outcome {
    }
}
