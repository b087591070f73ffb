package io.clientele.access.session;

import io.clientele.events.LoginPlatform;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/**
 * Where a log-in comes from: the {@code X-Client-Platform} header the apps send (web, ios, android), else a guess
 * from the User-Agent.
 */
final class ClientPlatforms {

    static final String PLATFORM_HEADER = "X-Client-Platform";

    private ClientPlatforms() {
    }

    static LoginPlatform of(HttpHeaders headers) {
        String declared = headers.getFirst(PLATFORM_HEADER);
        if (declared != null) {
            return switch (declared.trim().toLowerCase(Locale.ROOT)) {
                case "web" -> LoginPlatform.WEB;
                case "ios" -> LoginPlatform.IOS;
                case "android" -> LoginPlatform.ANDROID;
                default -> LoginPlatform.UNKNOWN;
            };
        }
        String agent = headers.getFirst(HttpHeaders.USER_AGENT);
        if (agent == null || agent.isBlank()) {
            return LoginPlatform.UNKNOWN;
        }
        if (agent.contains("Android")) {
            return LoginPlatform.ANDROID;
        }
        if (agent.contains("iPhone") || agent.contains("iPad") || agent.contains("CFNetwork")) {
            return LoginPlatform.IOS;
        }
        return agent.startsWith("Mozilla/") ? LoginPlatform.WEB : LoginPlatform.UNKNOWN;
    }
}
