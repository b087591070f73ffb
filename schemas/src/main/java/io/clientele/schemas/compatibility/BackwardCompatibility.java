package io.clientele.schemas.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Checks the schemas being built against every released version kept beside them: a new version must read
 * what any released version wrote (BACKWARD), which is the rule the registry enforces in production.
 *
 * <p>Released versions live in {@code released/<full record name>/<n>.avsc}, each a self-contained schema.
 */
public final class BackwardCompatibility {

    private BackwardCompatibility() {
    }

    /** Parses every .avsc file of a folder together, so that one file may name a type another defines. */
    public static Map<String, Schema> currentSchemas(Path folder) {
        Schema.Parser parser = new Schema.Parser();
        List<Path> files = avscFiles(folder);
        // Named types used by other files (enums) are parsed first.
        files.sort(Comparator.comparing((Path file) -> !read(file).contains("\"type\": \"enum\"")).thenComparing(Path::toString));
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (Path file : files) {
            Schema schema = parser.parse(read(file));
            schemas.put(schema.getFullName(), schema);
        }
        return schemas;
    }

    /** Every problem found, one line each; empty when every current schema reads every released version. */
    public static List<String> check(Map<String, Schema> current, Path releasedFolder) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(releasedFolder)) {
            return problems;
        }
        try (Stream<Path> names = Files.list(releasedFolder)) {
            for (Path nameFolder : names.filter(Files::isDirectory).sorted().toList()) {
                String fullName = nameFolder.getFileName().toString();
                Schema reader = current.get(fullName);
                if (reader == null) {
                    problems.add(fullName + ": released but no longer defined");
                    continue;
                }
                for (Path released : avscFiles(nameFolder)) {
                    Schema writer = new Schema.Parser().parse(read(released));
                    problems.addAll(incompatibilities(reader, writer, fullName + " version " + released.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** Why {@code reader} cannot read data written with {@code writer}; empty when it can. */
    public static List<String> incompatibilities(Schema reader, Schema writer, String what) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()
                .stream()
                .map(BackwardCompatibility::describe)
                .map(problem -> what + ": " + problem)
                .toList();
    }

    private static String describe(Incompatibility incompatibility) {
        return incompatibility.getType() + " at " + incompatibility.getLocation() + " (" + incompatibility.getMessage() + ")";
    }

    private static List<Path> avscFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(file -> file.toString().endsWith(".avsc")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
