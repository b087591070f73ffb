package io.clientele.platform.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

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
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                ex.getReason() != null ? ex.getReason() : "The request could not be read.");
        if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null) {
            problem.setProperty("parameter", ex.getMethodParameter().getParameterName());
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }
}
