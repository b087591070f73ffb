package io.clientele.gateway.page;

import io.clientele.gateway.site.SiteProfile;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;

/** A page being answered: the site it belongs to and the language it is shown in. */
record Page(SiteProfile site, Locale language) {

    String lang() {
        return language.getLanguage();
    }

    Rendering show(String view) {
        return show(view, Map.of(), HttpStatus.OK);
    }

    Rendering show(String view, Map<String, ?> model) {
        return show(view, model, HttpStatus.OK);
    }

    Rendering show(String view, Map<String, ?> model, HttpStatus status) {
        Map<String, Object> values = new LinkedHashMap<>(model);
        values.put("site", site);
        values.put("lang", lang());
        values.putIfAbsent("errors", Map.of());
        return Rendering.view(view).model(values).status(status).build();
    }

    /** What a page shows for an answer that is neither success nor the form's own errors. */
    Rendering trouble(Outcome outcome, String linkNextStep) {
        return switch (outcome) {
            case Outcome.LinkNotValid notValid -> show("link-not-valid", Map.of("nextStep", linkNextStep), HttpStatus.GONE);
            case Outcome.TooMany tooMany -> show("try-later", Map.of("reason", "too-many"), HttpStatus.TOO_MANY_REQUESTS);
            default -> show("try-later", Map.of("reason", "unavailable"), HttpStatus.SERVICE_UNAVAILABLE);
        };
    }
}
