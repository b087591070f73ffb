package io.clientele.gateway.page;

import java.util.Locale;
import java.util.Set;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The language a page is shown in: the customer's own (the {@code lang} their mail's link carries, kept through the
 * page's form), else the site's, else English. It is chosen before the page's handler runs ({@link Pages}): a view
 * is resolved in the language of the moment its handler returns.
 */
public final class PageLanguage implements LocaleContextResolver {

    public static final Set<String> SHOWN = Set.of("en", "fr");
    private static final String ATTRIBUTE = PageLanguage.class.getName();

    static Locale choose(String customers, Locale sites) {
        if (customers != null && SHOWN.contains(primary(customers))) {
            return Locale.forLanguageTag(primary(customers));
        }
        return SHOWN.contains(sites.getLanguage()) ? Locale.forLanguageTag(sites.getLanguage()) : Locale.ENGLISH;
    }

    public static void use(ServerWebExchange exchange, Locale language) {
        exchange.getAttributes().put(ATTRIBUTE, language);
    }

    private static String primary(String tag) {
        return Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
    }

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        Locale chosen = exchange.getAttribute(ATTRIBUTE);
        return new SimpleLocaleContext(chosen != null ? chosen : Locale.ENGLISH);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("A page's language follows its link and its site");
    }
}
