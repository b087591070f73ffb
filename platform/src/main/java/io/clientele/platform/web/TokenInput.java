package io.clientele.platform.web;

import reactor.core.publisher.Mono;

/** A token a public endpoint takes from a link or an app: present, and no longer than any token the platform issues. */
public final class TokenInput {

    private static final int MAX_LENGTH = 200;

    private TokenInput() {
    }

    /** Empty when the token may be looked up; a 400 naming the field otherwise. */
    public static Mono<Void> check(String field, String token) {
        return token == null || token.isBlank() || token.length() > MAX_LENGTH
                ? Mono.error(ProblemException.invalidField(field, "is required"))
                : Mono.empty();
    }
}
