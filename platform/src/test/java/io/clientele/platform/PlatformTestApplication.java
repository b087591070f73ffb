package io.clientele.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built on the platform library, for the library's own tests. */
@SpringBootApplication
public class PlatformTestApplication {
}
