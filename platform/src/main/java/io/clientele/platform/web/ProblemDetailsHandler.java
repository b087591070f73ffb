package io.clientele.platform.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every error the API answers is RFC 9457 problem+json; a rejected request body names each offending field in
 * {@code errors} and under the stable type {@code invalid-field}.
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex, HttpHeaders headers,
                                                                         HttpStatusCode status, ServerWebExchange exchange) {
        List<ProblemException.FieldError> errors = ex.getFieldErrors().stream()
                .map(error -> new ProblemException.FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(ProblemException.FieldError::field))
                .toList();
        ProblemDetail problem = ProblemException.invalidFields(errors).getBody();
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
                                                                        HttpStatusCode status, ServerWebExchange exchange) {
        JacksonException json = jsonCause(ex);
        if (json instanceof InvalidFormatException invalid && TextInput.CONTROL_CHARACTERS.equals(invalid.getOriginalMessage())) {
            ProblemDetail problem = ProblemException.invalidField(fieldOf(json), TextInput.CONTROL_CHARACTERS).getBody();
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                ex.getReason() != null ? ex.getReason() : "The request could not be read.");
        if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null) {
            problem.setProperty("parameter", ex.getMethodParameter().getParameterName());
        }
        if (json != null && !json.getPath().isEmpty()) {
            problem.setProperty("field", fieldOf(json));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /** A body the codecs could not read where the controller reads it lazily (a broken multipart body, for one). */
    @ExceptionHandler(DecodingException.class)
    Mono<ResponseEntity<Object>> undecodable(DecodingException ex, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request body could not be read: " + ex.getMessage());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, exchange);
    }

    private static JacksonException jsonCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    /** The JSON path of the offending value, as {@code metadata.plan} or {@code tags[2]}. */
    private static String fieldOf(JacksonException json) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
