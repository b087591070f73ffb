package io.clientele.notification.tracking;

import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The open-tracking pixel of HTML mails: always the same transparent GIF, whatever the token. */
@RestController
class OpenTrackingController {

    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final OpenTracker tracker;

    OpenTrackingController(OpenTracker tracker) {
        this.tracker = tracker;
    }

    @GetMapping("/api/v1/tracking/opens/{file}")
    Mono<ResponseEntity<byte[]>> pixel(@PathVariable String file) {
        String token = file.endsWith(".gif") ? file.substring(0, file.length() - 4) : file;
        return tracker.opened(token).onErrorResume(error -> Mono.empty())
                .thenReturn(ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_GIF)
                        .cacheControl(CacheControl.noStore())
                        .body(PIXEL));
    }
}
