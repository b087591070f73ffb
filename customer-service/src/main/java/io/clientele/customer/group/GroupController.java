package io.clientele.customer.group;

import io.clientele.customer.search.CustomerQuery;
import io.clientele.platform.group.GroupNames;
import io.clientele.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/sites/{siteId}/groups")
class GroupController {

    private final GroupService service;
    private final GroupRepository groups;

    GroupController(GroupService service, GroupRepository groups) {
        this.service = service;
        this.groups = groups;
    }

    @GetMapping
    Flux<GroupSize> list(@PathVariable String siteId) {
        return groups.all(siteId);
    }

    @GetMapping("/{name}")
    Mono<GroupSize> get(@PathVariable String siteId, @PathVariable String name) {
        return groups.find(siteId, name).switchIfEmpty(Mono.error(() -> ProblemException.notFound("group", name)));
    }

    /** {@code {"name": "VIP"}}, or {@code {"name": "VIP", "query": {...}}} to save a query's result as a group. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<GroupSize> create(@PathVariable String siteId, @RequestBody NewGroup group) {
        String name = checked("name", group.name());
        return group.query() == null ? service.create(siteId, name)
                : Mono.defer(() -> service.addMatching(siteId, name, group.query()));
    }

    @PatchMapping("/{name}")
    Mono<GroupSize> rename(@PathVariable String siteId, @PathVariable String name, @RequestBody NewGroup group) {
        return service.rename(siteId, name, checked("name", group.name()));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String siteId, @PathVariable String name) {
        return service.delete(siteId, name);
    }

    /** {@code {"customerIds": [...]}} or {@code {"query": {...}}}: puts those customers in the group. */
    @PostMapping("/{name}/members")
    Mono<GroupSize> addMembers(@PathVariable String siteId, @PathVariable String name, @RequestBody Members members) {
        if (members.query() != null) {
            return groups.find(siteId, name).switchIfEmpty(Mono.error(() -> ProblemException.notFound("group", name)))
                    .flatMap(group -> service.addMatching(siteId, name, members.query()));
        }
        return service.addMembers(siteId, name, members.checkedIds());
    }

    @PostMapping("/{name}/members/remove")
    Mono<GroupSize> removeMembers(@PathVariable String siteId, @PathVariable String name, @RequestBody Members members) {
        return service.removeMembers(siteId, name, members.checkedIds());
    }

    private static String checked(String field, String name) {
        return GroupNames.checked(field, java.util.Collections.singletonList(name)).iterator().next();
    }

    record NewGroup(String name, CustomerQuery query) {
    }

    record Members(List<UUID> customerIds, CustomerQuery query) {

        List<UUID> checkedIds() {
            if (customerIds == null || customerIds.isEmpty() || customerIds.size() > 1000) {
                throw ProblemException.invalidField("customerIds", "lists 1 to 1000 customers (use a query for more)");
            }
            return customerIds;
        }
    }
}
