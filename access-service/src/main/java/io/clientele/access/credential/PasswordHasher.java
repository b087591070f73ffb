package io.clientele.access.credential;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id with OWASP's recommended parameters (19 MiB, 2 passes, 1 lane). Hashing is slow and memory-hungry on
 * purpose, so it runs on a scheduler of one thread per core: concurrent log-ins queue there instead of using up
 * memory and the event loop.
 */
@Component
public class PasswordHasher implements DisposableBean {

    private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private final Scheduler hashing = Schedulers.newParallel("password-hashing");
    /** Compared with when the account does not exist, so that it takes as long as when it does. */
    private final String decoy = argon2.encode("no account has this password");

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> argon2.encode(password)).subscribeOn(hashing);
    }

    /** Whether the password matches the hash; a null hash (no such account, or no password yet) never matches. */
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> argon2.matches(password, hash == null ? decoy : hash) && hash != null)
                .subscribeOn(hashing);
    }

    @Override
    public void destroy() {
        hashing.dispose();
    }
}
