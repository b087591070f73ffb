package io.clientele.platform.web;

import io.clientele.platform.PlatformTestSupport;
import org.junit.jupiter.api.Test;

class OperationsEndpointsIT extends PlatformTestSupport {

    @Test
    void healthMetricsAndOpenApiAreServedWithoutAToken() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("jvm_memory_used_bytes"));
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists();
    }
}
