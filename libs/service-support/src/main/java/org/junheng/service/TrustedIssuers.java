package org.junheng.service;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Tokens of more than one issuer: the configured one ({@code mp.jwt.verify.*}, the development key by default) and
 * each of {@code junheng.jwt.also-trusted} ({@code issuer|key location}, e.g. a Keycloak realm and its JWKS URL). A
 * token is verified with its own issuer's keys, under the same audience and lifetime rules; an issuer nobody
 * configured is checked against the primary one, and refused.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TrustedIssuers extends JWTCallerPrincipalFactory {

    private final Map<String, String> keysByIssuer;
    private final DefaultJWTTokenParser primary = new DefaultJWTTokenParser();
    /** One parser per issuer: a parser keeps the keys it resolved first. */
    private final Map<String, DefaultJWTTokenParser> parsers = new ConcurrentHashMap<>();

    public TrustedIssuers(@ConfigProperty(name = "junheng.jwt.also-trusted") Optional<List<String>> alsoTrusted) {
        this.keysByIssuer = parse(alsoTrusted.orElse(List.of()));
    }

    static Map<String, String> parse(List<String> entries) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String entry : entries) {
            int bar = entry.indexOf('|');
            if (bar <= 0 || bar == entry.length() - 1) {
                throw new IllegalArgumentException("junheng.jwt.also-trusted: '" + entry
                        + "' is not 'issuer|key location'");
            }
            keys.put(entry.substring(0, bar).trim(), entry.substring(bar + 1).trim());
        }
        return Map.copyOf(keys);
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo configured) throws ParseException {
        String issuer = unverifiedIssuer(token);
        String keys = issuer == null ? null : keysByIssuer.get(issuer);
        JwtContext context;
        if (keys == null) {
            context = primary.parse(token, configured);
        } else {
            JWTAuthContextInfo info = new JWTAuthContextInfo(configured);
            info.setIssuedBy(issuer);
            info.setPublicKeyLocation(keys);
            info.setPublicKeyContent(null);
            info.setPublicVerificationKey(null);
            context = parsers.computeIfAbsent(issuer, i -> new DefaultJWTTokenParser()).parse(token, info);
        }
        String type = context.getJoseObjects().get(0).getHeader("typ");
        return new DefaultJWTCallerPrincipal(token, type, context.getJwtClaims());
    }

    /** The {@code iss} the token claims, read before any check: it only chooses which keys to check it with. */
    static String unverifiedIssuer(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).path("iss");
            return node.isTextual() ? node.asText() : null;
        } catch (Exception unreadable) {
            return null;
        }
    }
}
