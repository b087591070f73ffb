package io.clientele.identity;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console this provider signs people in to, and the people it knows.
 *
 * @param consoleRedirectUri where the console takes back the authorization code ({@code /login/oauth2/code/clientele}
 *                           of the edge)
 * @param consoleSignedOutUri where the console asks to return after signing out (its {@code /admin})
 * @param consoleSecret      the console's client secret
 * @param people             the collaborators, each with the sites they work on and their role there
 */
@ConfigurationProperties("clientele.identity")
public record IdentityProperties(URI consoleRedirectUri, URI consoleSignedOutUri, String consoleSecret, List<Person> people) {

    /** @param sites site id to role ({@code owner}, {@code editor} or {@code viewer}) */
    public record Person(String email, String password, String name, Map<String, String> sites) {
    }

    Person person(String email) {
        return people.stream().filter(person -> person.email().equalsIgnoreCase(email)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Nobody signs in as " + email));
    }
}
