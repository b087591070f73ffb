package io.clientele.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An admin endpoint of the test service that answers what it read, for the input and security tests. */
@RestController
class EchoController {

    @PostMapping("/api/v1/sites/{siteId}/echo")
    Echo echo(@PathVariable String siteId, @RequestBody Echo body) {
        return body;
    }

    @GetMapping("/api/v1/sites/{siteId}/echo")
    Map<String, String> echo(@PathVariable String siteId, @RequestParam(required = false) String q) {
        return Map.of("siteId", siteId, "q", q == null ? "" : q);
    }

    @PostMapping("/api/v1/sites/{siteId}/echo/search")
    Echo search(@PathVariable String siteId, @RequestBody Echo body) {
        return body;
    }

    @DeleteMapping("/api/v1/sites/{siteId}/echo")
    Map<String, String> delete(@PathVariable String siteId, @RequestParam(defaultValue = "false") boolean erase) {
        return Map.of("siteId", siteId, "erased", Boolean.toString(erase));
    }

    record Echo(String name, List<String> tags, Map<String, Object> metadata) {
    }
}
