package org.junheng.console.signin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 选择示例用户: on a developer's machine ({@code ./junheng up}) and in the browser tests, the sign-in page offers the
 * sample district's users and signs their tokens with the development key the services trust. Off unless
 * {@code junheng.console.dev-signin.key-file} names that key; production signs in through OIDC.
 */
@ApplicationScoped
public class DevSignIn {

    public static final String ISSUER = "https://junheng.local/dev";
    public static final String AUDIENCE = "junheng";

    /** One user of the sample district: who, in which role and unit (department code or school code). */
    @TemplateData
    public record SampleUser(String id, String name, String role, String unit, String description) {
    }

    private final Optional<PrivateKey> key;
    private final List<SampleUser> users;
    private final String district;
    private final Duration validFor;

    public DevSignIn(@ConfigProperty(name = "junheng.console.dev-signin.key-file") Optional<String> keyFile,
                     @ConfigProperty(name = "junheng.console.district") String district,
                     @ConfigProperty(name = "junheng.console.session.hours") int hours) throws IOException {
        this.key = keyFile.filter(f -> !f.isBlank()).map(DevSignIn::load);
        this.district = district;
        this.validFor = Duration.ofHours(hours);
        try (InputStream in = DevSignIn.class.getResourceAsStream("/dev-users.json")) {
            this.users = new ObjectMapper().readValue(in, new TypeReference<List<SampleUser>>() { });
        }
    }

    public boolean enabled() {
        return key.isPresent();
    }

    public List<SampleUser> users() {
        return enabled() ? users : List.of();
    }

    public Optional<SampleUser> user(String id) {
        return users().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** A token for the user, with the claims the services read ({@code groups}, {@code district}, {@code dept}/{@code school}). */
    public String token(SampleUser user) {
        return token(user, Instant.now().plus(validFor));
    }

    public String token(SampleUser user, Instant expiresAt) {
        var claims = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(user.id()).upn(user.id())
                .claim("name", user.name()).groups(user.role()).issuedAt(Instant.now()).expiresAt(expiresAt)
                .claim("district", user.role().equals("admin") ? List.of() : List.of(district));
        if (user.unit() != null) {
            claims.claim(user.role().equals("school") ? "school" : "dept", user.unit());
        }
        return claims.jws().keyId("junheng-dev").sign(key.orElseThrow());
    }

    private static PrivateKey load(String file) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of(file)));
        } catch (Exception e) {
            throw new IllegalStateException("junheng.console.dev-signin.key-file: cannot read a private key from "
                    + file, e);
        }
    }
}
