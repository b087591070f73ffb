package io.clientele.platform.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Requests named in a service's configuration as {@code METHOD /path/pattern}, optionally with one query parameter
 * that must have a value: {@code DELETE /api/v1/sites/{siteId}/customers/{customerId}?erase=true}.
 */
final class RequestRules {

    private RequestRules() {
    }

    static ServerWebExchangeMatcher matcher(List<String> rules) {
        List<ServerWebExchangeMatcher> matchers = rules.stream().map(RequestRules::rule).toList();
        return matchers.isEmpty() ? exchange -> ServerWebExchangeMatcher.MatchResult.notMatch()
                : new OrServerWebExchangeMatcher(matchers);
    }

    private static ServerWebExchangeMatcher rule(String rule) {
        String[] methodAndTarget = rule.trim().split("\\s+", 2);
        String[] pathAndQuery = methodAndTarget[1].split("\\?", 2);
        ServerWebExchangeMatcher path = ServerWebExchangeMatchers.pathMatchers(HttpMethod.valueOf(methodAndTarget[0]),
                pathAndQuery[0]);
        if (pathAndQuery.length == 1) {
            return path;
        }
        String[] parameter = pathAndQuery[1].split("=", 2);
        ServerWebExchangeMatcher query = exchange -> parameter[1].equalsIgnoreCase(
                exchange.getRequest().getQueryParams().getFirst(parameter[0]))
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        return new AndServerWebExchangeMatcher(path, query);
    }

    static Mono<Boolean> matches(ServerWebExchangeMatcher matcher, org.springframework.web.server.ServerWebExchange exchange) {
        return matcher.matches(exchange).map(ServerWebExchangeMatcher.MatchResult::isMatch);
    }
}
