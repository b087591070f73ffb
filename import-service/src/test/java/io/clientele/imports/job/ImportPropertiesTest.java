package io.clientele.imports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

class ImportPropertiesTest {

    @Test
    void uploadsWaitInTheSystemsTemporaryDirectoryUnlessOneIsConfigured() {
        ImportProperties defaults = Binder.get(new StandardEnvironment()).bindOrCreate("clientele.imports", ImportProperties.class);

        assertThat(defaults.directory()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "clientele-imports"));
    }
}
