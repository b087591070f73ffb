package io.clientele.gateway.page;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A form sent without its CSRF token, or with one that no longer matches its cookie (an old tab, cleared cookies):
 * a page that says what to do, in both languages, since the form's own language is not trusted before the check.
 */
final class ExpiredForm implements ServerAccessDeniedHandler {

    private static final byte[] PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>This form has expired</title>
            <link rel="stylesheet" href="/assets/pages.css"></head>
            <body><main>
            <h1>This form has expired</h1>
            <p>Go back, reload the page and send the form again.</p>
            <h1 lang="fr">Ce formulaire a expiré</h1>
            <p lang="fr">Revenez en arrière, rechargez la page et envoyez à nouveau le formulaire.</p>
            </main></body></html>
            """.getBytes(StandardCharsets.UTF_8);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        DataBuffer body = exchange.getResponse().bufferFactory().wrap(PAGE);
        return exchange.getResponse().writeWith(Mono.just(body));
    }
}
