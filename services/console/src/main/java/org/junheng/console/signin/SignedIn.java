package org.junheng.console.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junheng.contracts.Role;

/**
 * Who is signed in: the bearer token every call to the services carries, and the claims the console reads to lay out
 * its menus. The console does not verify the token: the services do, on every call, and refuse what they do not trust
 * — a forged cookie shows a menu and nothing behind it.
 */
@io.quarkus.qute.TemplateData
public record SignedIn(String token, String subject, String name, String role, List<String> districts,
                       String department, String school, Instant expiresAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The claims of a JWT (the {@code groups}, {@code district}, {@code dept} and {@code school} the services read). */
    public static Optional<SignedIn> of(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            List<String> districts = new ArrayList<>();
            claims.path("district").forEach(d -> districts.add(d.asText()));
            if (claims.path("district").isTextual()) {
                districts.add(claims.path("district").asText());
            }
            // the first of the roles the services know, as they read it (an identity provider adds groups of its own)
            List<String> groups = new ArrayList<>();
            claims.path("groups").forEach(group -> groups.add(group.asText()));
            String role = Role.actingIn(groups).map(Role::claim).orElse("");
            return Optional.of(new SignedIn(token, claims.path("sub").asText(), claims.path("name").asText(
                    claims.path("preferred_username").asText(claims.path("sub").asText())), role, districts,
                    claims.path("dept").asText(null), claims.path("school").asText(null),
                    Instant.ofEpochSecond(claims.path("exp").asLong(0))));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The district the pages show: the token's first, else the configured one (an administrator's token has none). */
    public String district(String fallback) {
        return districts.isEmpty() ? fallback : districts.get(0);
    }

    public boolean office() {
        return role.equals("supervisor") || role.equals("admin");
    }

    public boolean leader() {
        return role.equals("leader") || role.equals("city-supervisor");
    }

    public boolean isDepartment() {
        return role.equals("department");
    }

    public boolean isSchool() {
        return role.equals("school");
    }

    /** The role in words, for the page header. */
    public String roleName() {
        return Role.labelOf(role);
    }
}
