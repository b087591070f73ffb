package io.clientele.gateway.route;

import io.clientele.gateway.EdgeProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /api/v1/...} goes to the service that owns the resource; what no other service claims is customer-service's
 * (customers, groups, the site itself and the rest of its admin API). Routes are tried in the order written; an app's
 * registration ({@code /registrations}) is the edge's own (AppRegistrations).
 */
@Configuration(proxyBeanMethods = false)
class ApiRoutes {

    static final String SITE = "/api/v1/sites/{siteId}";

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder routes, EdgeProperties edge) {
        return routes.routes()
                .route("access-service", route -> route.order(1)
                        .path(SITE + "/customers/{customerId}/invitations", SITE + "/pages/**", SITE + "/access-requests/**",
                                SITE + "/sessions/**", SITE + "/password", SITE + "/password-resets",
                                SITE + "/email-verifications", SITE + "/links/status")
                        .uri(edge.accessUrl()))
                .route("import-service", route -> route.order(2)
                        .path(SITE + "/imports/**")
                        .uri(edge.importUrl()))
                .route("notification-service", route -> route.order(3)
                        .path(SITE + "/notifications/**", "/api/v1/tracking/**")
                        .uri(edge.notificationUrl()))
                .route("customer-service", route -> route.order(4)
                        .path(SITE, SITE + "/**")
                        .uri(edge.customerUrl()))
                .build();
    }
}
