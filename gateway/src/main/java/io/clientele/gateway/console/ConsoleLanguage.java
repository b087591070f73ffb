package io.clientele.gateway.console;

import io.clientele.gateway.page.PageLanguage;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * The language a collaborator reads the console in: the one they chose ({@code ?lang=}, kept in a cookie for a
 * year), else their browser's first that the console has, else English.
 */
final class ConsoleLanguage {

    static final String COOKIE = "clientele-console-lang";

    private ConsoleLanguage() {
    }

    static Locale choose(ServerWebExchange exchange) {
        Optional<String> chosen = Optional.ofNullable(exchange.getRequest().getQueryParams().getFirst("lang"))
                .filter(PageLanguage.SHOWN::contains);
        chosen.ifPresent(lang -> exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, lang).path("/admin")
                .maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build()));
        Locale language = chosen.or(() -> Optional.ofNullable(exchange.getRequest().getCookies().getFirst(COOKIE))
                        .map(HttpCookie::getValue).filter(PageLanguage.SHOWN::contains))
                .map(Locale::forLanguageTag)
                .orElseGet(() -> exchange.getRequest().getHeaders().getAcceptLanguageAsLocales().stream()
                        .filter(locale -> PageLanguage.SHOWN.contains(locale.getLanguage())).findFirst()
                        .map(locale -> Locale.forLanguageTag(locale.getLanguage())).orElse(Locale.ENGLISH));
        PageLanguage.use(exchange, language);
        return language;
    }
}
