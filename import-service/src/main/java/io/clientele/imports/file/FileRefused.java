package io.clientele.imports.file;

import io.clientele.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An uploaded file that cannot be imported as it is; says why. */
public final class FileRefused {

    private FileRefused() {
    }

    public static ProblemException because(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "file-refused", "File refused", detail);
    }
}
