package io.clientele.imports.upload;

import io.clientele.imports.job.ImportOptions;
import io.clientele.imports.progress.ImportProgress;
import io.clientele.platform.security.SiteGrant;
import io.clientele.platform.web.ProblemException;
import java.net.URI;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * An upload inspected before it is imported: {@code POST .../imports/inspections} answers the file's columns, each
 * with the importable column it names and its first values; {@code POST .../imports/inspections/{id}/import} imports
 * it with the owner's mapping (the same options an upload takes), once. The file is uploaded only once.
 */
@RestController
class InspectionController {

    private final ImportUploads uploads;

    InspectionController(ImportUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/v1/sites/{siteId}/imports/inspections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Inspection>> inspect(@PathVariable String siteId, @RequestPart("file") Mono<FilePart> file,
                                             @AuthenticationPrincipal Jwt token) {
        return file.switchIfEmpty(Mono.error(() -> ProblemException.invalidField("file", "is required")))
                .flatMap(part -> uploads.inspect(siteId, SiteGrant.actor(token), part))
                .map(inspection -> ResponseEntity.created(URI.create("/api/v1/sites/" + siteId + "/imports/inspections/"
                        + inspection.id())).body(inspection))
                .onErrorMap(DataBufferLimitException.class, ImportController::tooLarge);
    }

    @GetMapping("/api/v1/sites/{siteId}/imports/inspections/{id}")
    Mono<Inspection> inspection(@PathVariable String siteId, @PathVariable UUID id) {
        return uploads.inspection(siteId, id);
    }

    @PostMapping("/api/v1/sites/{siteId}/imports/inspections/{id}/import")
    Mono<ResponseEntity<ImportProgress>> importIt(@PathVariable String siteId, @PathVariable UUID id,
                                                  @RequestBody(required = false) ImportOptions options) {
        return uploads.importInspected(siteId, id, options).map(job -> ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/sites/" + siteId + "/imports/" + job.id())).body(ImportProgress.of(job)));
    }
}
