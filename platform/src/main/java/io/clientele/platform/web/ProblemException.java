package io.clientele.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An error the API reports as problem+json with a stable type, and the offending field when there is one. */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        super(status, Problems.of(status, slug, title, detail), null);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, what + "-not-found", capitalize(what) + " not found",
                "No " + what + " " + id + " here.");
    }

    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new FieldError(field, message)));
    }

    /** A 400 naming every offending field of a request at once. */
    public static ProblemException invalidFields(List<FieldError> errors) {
        return ofFields(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field", errors);
    }

    /** A problem whose detail and {@code errors} name each offending field with what is wrong with it. */
    public static ProblemException ofFields(HttpStatus status, String slug, String title, List<FieldError> errors) {
        String detail = String.join("; ", errors.stream().map(error -> error.field() + ": " + error.message()).toList());
        ProblemException problem = new ProblemException(status, slug, title, detail);
        problem.getBody().setProperty("errors", errors);
        return problem;
    }

    private static String capitalize(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1).replace('-', ' ');
    }

    /** One offending field of a request, as listed in a problem's {@code errors}. */
    public record FieldError(String field, String message) {
    }
}
