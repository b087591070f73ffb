package io.clientele.imports.job;

import io.clientele.imports.file.XlsxLimits;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param directory      where uploads are kept until their rows are read (a volume that survives a restart); the
 *                       system's temporary directory unless set
 * @param maxFileSize    the largest upload
 * @param maxRows        rows per import, the header aside; a larger file is refused, not cut
 * @param batchSize      rows per command to customer-service
 * @param maxUnpacked    what an XLSX file may unpack to
 */
@ConfigurationProperties("clientele.imports")
public record ImportProperties(Path directory,
                               @DefaultValue("50MB") DataSize maxFileSize,
                               @DefaultValue("200000") int maxRows,
                               @DefaultValue("1000") int batchSize,
                               @DefaultValue("1GB") DataSize maxUnpacked) {

    // A default value is not resolved as a placeholder: ${java.io.tmpdir} would be a folder of that name.
    public ImportProperties {
        if (directory == null) {
            directory = Path.of(System.getProperty("java.io.tmpdir"), "clientele-imports");
        }
    }

    public XlsxLimits xlsxLimits() {
        return new XlsxLimits(maxUnpacked.toBytes(), 100, 1_000);
    }
}
