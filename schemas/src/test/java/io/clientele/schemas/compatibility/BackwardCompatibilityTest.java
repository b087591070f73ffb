package io.clientele.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackwardCompatibilityTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("released");

    @Test
    void everySchemaReadsEveryReleasedVersion() {
        Map<String, Schema> current = BackwardCompatibility.currentSchemas(CURRENT);

        assertThat(current).containsKeys("io.clientele.events.SignupCaptured", "io.clientele.events.AccessRequested");
        assertThat(BackwardCompatibility.check(current, RELEASED)).isEmpty();
    }

    @Test
    void aRequiredFieldWithoutDefaultIsRefused() {
        Map<String, Schema> changed = withExtraSignupField("{\"name\": \"tenant\", \"type\": \"string\"}");

        List<String> problems = BackwardCompatibility.check(changed, RELEASED);

        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst())
                .contains("io.clientele.events.SignupCaptured version 1.avsc")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("tenant");
    }

    @Test
    void anOptionalFieldWithDefaultIsAccepted() {
        Map<String, Schema> changed = withExtraSignupField(
                "{\"name\": \"tenant\", \"type\": [\"null\", \"string\"], \"default\": null}");

        assertThat(BackwardCompatibility.check(changed, RELEASED)).isEmpty();
    }

    @Test
    void aRemovedEnumSymbolIsRefusedUnlessTheEnumHasADefault(@TempDir Path released) throws Exception {
        Path folder = Files.createDirectories(released.resolve("test.Colour"));
        Files.writeString(folder.resolve("1.avsc"),
                "{\"type\": \"enum\", \"name\": \"Colour\", \"namespace\": \"test\", \"symbols\": [\"RED\", \"BLUE\"]}");
        Schema withoutBlue = new Schema.Parser().parse(
                "{\"type\": \"enum\", \"name\": \"Colour\", \"namespace\": \"test\", \"symbols\": [\"RED\"]}");

        List<String> problems = BackwardCompatibility.check(Map.of("test.Colour", withoutBlue), released);

        assertThat(problems).singleElement().asString().contains("MISSING_ENUM_SYMBOLS").contains("BLUE");
    }

    @Test
    void aReleasedSchemaThatIsNoLongerDefinedIsReported() {
        Map<String, Schema> current = new LinkedHashMap<>(BackwardCompatibility.currentSchemas(CURRENT));
        current.remove("io.clientele.events.SiteUpdated");

        assertThat(BackwardCompatibility.check(current, RELEASED))
                .containsExactly("io.clientele.events.SiteUpdated: released but no longer defined");
    }

    private static Map<String, Schema> withExtraSignupField(String field) {
        Map<String, Schema> current = new LinkedHashMap<>(BackwardCompatibility.currentSchemas(CURRENT));
        String json = current.get("io.clientele.events.SignupCaptured").toString();
        String changed = json.replace("\"fields\":[", "\"fields\":[" + field + ",");
        current.put("io.clientele.events.SignupCaptured", new Schema.Parser().parse(changed));
        return current;
    }
}
