package org.junheng.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedIssuersTest {

    static final String PRIMARY = "https://junheng.local/dev";
    static final String KEYCLOAK = "http://127.0.0.1:8180/realms/junheng";

    @TempDir
    Path keys;

    @Test
    void aTokenIsCheckedWithItsOwnIssuersKeysAndAnUnknownIssuerIsRefused() throws Exception {
        KeyPair dev = rsa();
        KeyPair realm = rsa();
        Path devKey = pem(dev, "dev.pem");
        Path realmKey = pem(realm, "realm.pem");
        JWTAuthContextInfo configured = new JWTAuthContextInfo(devKey.toString(), PRIMARY);
        configured.setExpectedAudience(Set.of("junheng"));
        TrustedIssuers issuers = new TrustedIssuers(Optional.of(List.of(KEYCLOAK + "|" + realmKey)));

        assertEquals("u-dev", issuers.parse(token(dev, PRIMARY, "u-dev"), configured).getSubject());
        assertEquals("u-kc", issuers.parse(token(realm, KEYCLOAK, "u-kc"), configured).getSubject());
        // the realm's issuer with the development key's signature, and the other way round: refused
        assertThrows(ParseException.class, () -> issuers.parse(token(dev, KEYCLOAK, "forged"), configured));
        assertThrows(ParseException.class, () -> issuers.parse(token(realm, PRIMARY, "forged"), configured));
        // an issuer nobody configured is held to the primary issuer, and fails it
        assertThrows(ParseException.class, () -> issuers.parse(token(realm, "https://evil.example", "x"),
                configured));
        // without the second issuer configured, its tokens are refused
        assertThrows(ParseException.class, () -> new TrustedIssuers(Optional.empty())
                .parse(token(realm, KEYCLOAK, "u-kc"), configured));
    }

    @Test
    void theIssuerIsReadOnlyToChooseKeysAndBadEntriesAreNamed() {
        assertNull(TrustedIssuers.unverifiedIssuer("not a token"));
        assertNull(TrustedIssuers.unverifiedIssuer("a.%%%.c"));
        assertEquals(Optional.of("x"), Optional.ofNullable(TrustedIssuers.parse(List.of("i|x")).get("i")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TrustedIssuers.parse(List.of("https://idp-without-keys")));
        assertEquals(true, bad.getMessage().contains("issuer|key location"));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private Path pem(KeyPair pair, String name) throws Exception {
        Path file = keys.resolve(name);
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        return file;
    }

    private static String token(KeyPair pair, String issuer, String subject) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("junheng");
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setStringListClaim("groups", "supervisor");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(pair.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }
}
