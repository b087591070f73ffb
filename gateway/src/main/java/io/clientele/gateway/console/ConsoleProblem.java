package io.clientele.gateway.console;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/** A service refused what the console asked for the collaborator: its status and its problem details. */
final class ConsoleProblem extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> problem;

    ConsoleProblem(HttpStatus status, Map<String, Object> problem) {
        super(status + " " + problem.get("detail"), null, false, false);
        this.status = status;
        this.problem = problem;
    }

    /** A console address that names nothing (a report in a format there is none of). */
    static ConsoleProblem notFound() {
        return new ConsoleProblem(HttpStatus.NOT_FOUND, Map.of());
    }

    HttpStatus status() {
        return status;
    }

    String detail() {
        return Objects.toString(problem.getOrDefault("detail", problem.getOrDefault("title", status.getReasonPhrase())));
    }

    /** What a form's page lists: each field the service named as wrong with what it said, else its detail. */
    List<String> listed() {
        return errors().isEmpty() ? List.of(detail()) : errors();
    }

    /** The fields the service named as wrong, with what it said of each. */
    List<String> errors() {
        if (problem.get("errors") instanceof List<?> errors) {
            return errors.stream().filter(Map.class::isInstance).map(Map.class::cast)
                    .map(error -> error.get("field") + ": " + error.get("message")).toList();
        }
        return List.of();
    }
}
