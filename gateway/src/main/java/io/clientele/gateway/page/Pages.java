package io.clientele.gateway.page;

import io.clientele.gateway.ServiceUnavailable;
import io.clientele.gateway.site.SiteProfiles;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Starts every hosted page ({@code /sites/{siteId}/...}): finds its site and chooses its language before the
 * page's handler runs, which takes them with {@link #current}. The customer's language comes from the
 * {@code lang} of the link, or of the page's own form.
 */
@Component
class Pages implements WebFilter {

    private static final PathPattern SITE_PAGES = PathPatternParser.defaultInstance.parse("/sites/{siteId}/**");
    private static final String ATTRIBUTE = Page.class.getName();

    private final SiteProfiles sites;

    Pages(SiteProfiles sites) {
        this.sites = sites;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathPattern.PathMatchInfo match = SITE_PAGES.matchAndExtract(exchange.getRequest().getPath().pathWithinApplication());
        if (match == null) {
            return chain.filter(exchange);
        }
        return language(exchange)
                .flatMap(lang -> sites.find(match.getUriVariables().get("siteId"))
                        .doOnNext(site -> {
                            Page page = new Page(site, PageLanguage.choose(lang.orElse(null), site.language()));
                            exchange.getAttributes().put(ATTRIBUTE, page);
                            PageLanguage.use(exchange, page.language());
                        })
                        // The page's handler answers it, as a page: see current.
                        .onErrorResume(ServiceUnavailable.class, unavailable -> {
                            exchange.getAttributes().put(ATTRIBUTE, unavailable);
                            return Mono.empty();
                        })
                        .then(chain.filter(exchange)));
    }

    private static Mono<Optional<String>> language(ServerWebExchange exchange) {
        if (HttpMethod.POST.equals(exchange.getRequest().getMethod())) {
            return exchange.getFormData().map(form -> Optional.ofNullable(form.getFirst("lang")));
        }
        return Mono.just(Optional.ofNullable(exchange.getRequest().getQueryParams().getFirst("lang")));
    }

    /**
     * The page being answered; a site that does not exist, or that could not be asked about, is answered with the
     * page that says so.
     */
    static Page current(ServerWebExchange exchange) {
        Object page = exchange.getAttribute(ATTRIBUTE);
        return switch (page) {
            case Page found -> found;
            case ServiceUnavailable unavailable -> throw unavailable;
            case null, default -> throw new UnknownSite();
        };
    }

    /** There is no site of that id. */
    static final class UnknownSite extends RuntimeException {
        UnknownSite() {
            super(null, null, false, false);
        }
    }
}
