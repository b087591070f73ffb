package io.clientele.notification.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The mail templates, one folder per template and locale under {@code mail-templates/}: {@code subject},
 * {@code text}, {@code html} and, where a template can go as a short text, {@code sms}. A mail is rendered in the
 * first of the wanted locales the template has, else in English. Values are HTML-escaped in the HTML part only.
 */
@Component
public class TemplateCatalog {

    private static final String ROOT = "mail-templates/";
    private static final String FALLBACK_LOCALE = "en";

    private final Mustache.Compiler html = Mustache.compiler().defaultValue("").withLoader(TemplateCatalog::partial);
    private final Mustache.Compiler plain = html.escapeHTML(false);
    private final Map<String, Optional<Template>> compiled = new ConcurrentHashMap<>();

    /**
     * @param locales the locales wanted, best first (the recipient's, then the site's); a regional locale
     *                ({@code fr-CA}) also matches its language
     */
    public RenderedMail render(String template, List<String> locales, Map<String, Object> values) {
        String locale = localeFor(template, locales);
        Map<String, Object> model = new LinkedHashMap<>(values);
        model.put("locale", locale);
        String subject = part(template, locale, "subject", plain).orElseThrow(() -> unknown(template)).execute(model).strip();
        model.put("subject", subject);
        return new RenderedMail(locale, subject,
                part(template, locale, "text", plain).orElseThrow(() -> unknown(template)).execute(model),
                part(template, locale, "html", html).orElseThrow(() -> unknown(template)).execute(model),
                part(template, locale, "sms", plain).map(sms -> sms.execute(model).strip()).orElse(null));
    }

    /** The locale a mail of the template is written in for these wanted locales, best first. */
    public String localeFor(String template, List<String> locales) {
        for (String wanted : locales) {
            if (wanted == null || wanted.isBlank()) {
                continue;
            }
            for (String candidate : List.of(wanted, wanted.split("-")[0])) {
                if (part(template, candidate, "subject", plain).isPresent()) {
                    return candidate;
                }
            }
        }
        return FALLBACK_LOCALE;
    }

    private Optional<Template> part(String template, String locale, String part, Mustache.Compiler compiler) {
        String path = ROOT + template + "/" + locale + "/" + part + ".mustache";
        return compiled.computeIfAbsent(path + (compiler == html ? "#html" : ""), key -> {
            ClassPathResource resource = new ClassPathResource(path);
            if (!resource.exists()) {
                return Optional.empty();
            }
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                return Optional.of(compiler.compile(reader));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + path, e);
            }
        });
    }

    private static Reader partial(String name) throws IOException {
        return new InputStreamReader(new ClassPathResource(ROOT + "_partials/" + name + ".mustache").getInputStream(),
                StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException unknown(String template) {
        return new IllegalArgumentException("No template " + template);
    }
}
