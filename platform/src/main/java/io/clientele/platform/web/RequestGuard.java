package io.clientele.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Refuses, before any security or controller work, what no endpoint can use: a site id that is not a site id, a
 * path segment, query parameter or header holding control characters. Each answer is a 400 problem naming what
 * is wrong, where the same input further in would have been a 500 or a row no consumer could store.
 */
public class RequestGuard implements WebFilter, Ordered {

    /** A site id: letters, digits, hyphens and underscores, starting with a letter or digit, at most 64. */
    public static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private static final String SITES = "/api/v1/sites/";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ProblemException problem = problemOf(exchange.getRequest());
        return problem == null ? chain.filter(exchange) : ProblemResponses.write(exchange, problem.getBody());
    }

    private static ProblemException problemOf(ServerHttpRequest request) {
        RequestPath path = request.getPath();
        String value = path.pathWithinApplication().value();
        if (value.startsWith(SITES)) {
            String rest = value.substring(SITES.length());
            int slash = rest.indexOf('/');
            String siteId = UriUtils.decode(slash < 0 ? rest : rest.substring(0, slash),
                    StandardCharsets.UTF_8);
            if (!SITE_ID.matcher(siteId).matches()) {
                return invalid("siteId", "must be 1 to 64 letters, digits, hyphens or underscores, starting with a letter or digit");
            }
        }
        for (var element : path.pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment
                    && !TextInput.acceptableOnOneLine(segment.valueToMatch())) {
                return invalid("path", TextInput.CONTROL_CHARACTERS);
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getQueryParams().entrySet()) {
            String name = parameter.getKey();
            if (!TextInput.acceptableOnOneLine(name)) {
                return invalid("query", "parameter names " + TextInput.CONTROL_CHARACTERS);
            }
            for (String parameterValue : parameter.getValue()) {
                if (parameterValue != null && !TextInput.acceptable(parameterValue)) {
                    return invalid(name, TextInput.CONTROL_CHARACTERS);
                }
            }
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String headerValue : header.getValue()) {
                if (!TextInput.acceptableOnOneLine(headerValue.replace('\t', ' '))) {
                    return invalid(header.getKey(), TextInput.CONTROL_CHARACTERS);
                }
            }
        }
        return null;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.ofFields(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field",
                List.of(new ProblemException.FieldError(field, message)));
    }
}
