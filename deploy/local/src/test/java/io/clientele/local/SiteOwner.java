package io.clientele.local;

import static io.clientele.local.StackHttp.json;
import static io.clientele.local.StackHttp.request;
import static io.clientele.local.StackHttp.send;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a site's owner does through the edge's admin API, for the journeys through the hosted pages. */
final class SiteOwner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String api;
    private final String token;

    SiteOwner(LocalStack stack, String site) {
        this.api = stack.edgeUrl() + "/api/v1/sites/" + site;
        this.token = LocalStack.token(site);
    }

    void createSite(String name, String locale, String... allowedOrigins) throws Exception {
        String origins = List.of(allowedOrigins).stream().map(origin -> "\"" + origin + "\"").collect(Collectors.joining(", "));
        send(json(api, token, "PUT", """
                {"name": "%s", "ownerEmail": "%s", "locale": "%s", "allowedOrigins": [%s]}"""
                .formatted(name, ownerEmail(), locale, origins)));
    }

    String ownerEmail() {
        return "owner@" + api.substring(api.lastIndexOf('/') + 1) + ".test";
    }

    void protect(String pageId, String group) throws Exception {
        send(json(api + "/pages/" + pageId, token, "PUT", "{\"groups\": [\"" + group + "\"]}"));
    }

    /** The id of the visitor's pending access request, once access-service has it. */
    String pendingRequest(String email) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode request : get("/access-requests?status=PENDING").get("items")) {
                if (request.get("email").asString().equals(email)) {
                    return request.get("id").asString();
                }
            }
            return null;
        }, id -> id != null);
    }

    void approve(String requestId, String group) throws Exception {
        send(json(api + "/access-requests/" + requestId + "/approve", token, "POST",
                "{\"groups\": [\"" + group + "\"], \"invite\": true}"));
    }

    void reject(String requestId) throws Exception {
        send(json(api + "/access-requests/" + requestId + "/reject", token, "POST", "{\"reason\": \"Members only\"}"));
    }

    /** The customer with this e-mail address, once customer-service has them. */
    JsonNode customer(String email) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> get("/customers?q=" + email).get("items"),
                items -> items.size() == 1).get(0);
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(send(request(api + path, token)));
    }
}
