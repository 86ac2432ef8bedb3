package org.junheng.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for the local stack and the tests, signed (RS256) with the development key whose public half every
 * service trusts by default ({@code dev-keys/junheng-dev.public.pem}). Production points the services at a real OIDC
 * provider instead (docs/security.md); this key signs nothing outside a developer's machine.
 *
 * <p>{@code ./junheng token <role> [district] [dept|school]} prints one.
 */
public final class DevTokens {

    public static final String ISSUER = "https://junheng.local/dev";
    public static final String AUDIENCE = "junheng";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrivateKey KEY = loadKey();

    private DevTokens() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ./junheng token <school|department|supervisor|leader|city-supervisor|admin>"
                    + " [district[,district…]] [dept|school code]");
            System.exit(2);
        }
        String role = args[0];
        List<String> districts = args.length > 1 ? List.of(args[1].split(",")) : List.of("500104");
        String unit = args.length > 2 ? args[2] : null;
        System.out.println(token("dev-" + role + (unit == null ? "" : "-" + unit), role + (unit == null ? "" : " " + unit),
                role, districts, unit, Duration.ofHours(12)));
    }

    /** An admin of every district, for set-up and tests. */
    public static String admin() {
        return token("u-admin", "系统管理员", "admin", List.of(), null, Duration.ofHours(12));
    }

    /** A token for {@code subject;role;unit} (e.g. {@code u-jw-17;department;jw}) in the sample district. */
    public static String forActor(String actor) {
        return forActor(actor, null);
    }

    public static String forActor(String actor, String name) {
        String[] parts = actor.split(";", -1);
        String role = parts.length > 1 && !parts[1].isBlank() ? parts[1] : "admin";
        String unit = parts.length > 2 && !parts[2].isBlank() ? parts[2] : null;
        return token(parts[0], name == null ? parts[0] : name, role, List.of("500104"), unit, Duration.ofHours(12));
    }

    /**
     * @param role      one of school, department, supervisor, leader, city-supervisor, admin (the {@code groups})
     * @param districts the {@code district} claim
     * @param unit      the {@code dept} claim for a department, the {@code school} claim for a school
     */
    public static String token(String subject, String name, String role, List<String> districts, String unit,
                               Duration validFor) {
        return sign(claims(subject, name, role, districts, unit, validFor));
    }

    /** The claims {@link #token} signs, to change first (tests make expired, foreign and malformed tokens from them). */
    public static Map<String, Object> claims(String subject, String name, String role, List<String> districts,
                                             String unit, Duration validFor) {
        Map<String, Object> claims = new LinkedHashMap<>();
        Instant now = Instant.now();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("name", name);
        claims.put("groups", List.of(role));
        claims.put("district", districts);
        if (unit != null) {
            claims.put("school".equals(role) ? "school" : "dept", unit);
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(validFor).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** Signs any claims (tests use this for expired, foreign-issuer and other bad tokens). */
    public static String sign(Map<String, Object> claims) {
        try {
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String header = base64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT",
                    "kid", "junheng-dev")));
            String payload = base64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEY);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException("could not sign a development token", e);
        }
    }

    private static PrivateKey loadKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-keys/junheng-dev.private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException | NullPointerException e) {
            throw new IllegalStateException("the development key is missing", e);
        }
    }
}
