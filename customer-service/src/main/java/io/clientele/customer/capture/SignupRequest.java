package io.clientele.customer.capture;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of the public capture endpoint, as a site's web module or app posts it. */
public record SignupRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @NotBlank @Pattern(regexp = "ACCESS_REQUEST|NEWSLETTER|EMAIL_SIGNUP_FORM|REGISTRATION",
                message = "must be one of ACCESS_REQUEST, NEWSLETTER, EMAIL_SIGNUP_FORM, REGISTRATION") String channel,
        @Size(max = 200) String pageId,
        Boolean optIn,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or fr-CA") String locale) {

    public SignupRequest {
        // Forms and apps often send what was typed, spaces included.
        email = email == null ? null : email.strip();
    }
}
