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
        return ofFields(status, slug, title, errors,
                String.join("; ", errors.stream().map(error -> error.field() + ": " + error.message()).toList()));
    }

    private static ProblemException ofFields(HttpStatus status, String slug, String title, List<FieldError> errors,
                                             String detail) {
        ProblemException problem = new ProblemException(status, slug, title, detail);
        problem.getBody().setProperty("errors", errors);
        return problem;
    }

    /** A mailed link that was used, replaced or expired: one answer for all, naming the {@code token} field. */
    public static ProblemException linkNotValid(String detail) {
        return ofFields(HttpStatus.BAD_REQUEST, "link-not-valid", "Link not valid",
                List.of(new FieldError("token", "is not valid any more")), detail);
    }

    private static String capitalize(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1).replace('-', ' ');
    }

    /** One offending field of a request, as listed in a problem's {@code errors}. */
    public record FieldError(String field, String message) {
    }
}
