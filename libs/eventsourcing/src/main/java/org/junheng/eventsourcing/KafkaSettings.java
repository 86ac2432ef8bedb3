package org.junheng.eventsourcing;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How the kit's own Kafka clients (the relay's producer, its broker-history reader, the consumer-lag check) reach the
 * broker: its address and the connection's security — TLS and SASL/SCRAM in Kubernetes (docs/operations.md, "Kafka
 * users"), nothing on a developer's machine. The same settings the service's SmallRye channels use, so every client
 * of a service connects as the same Kafka user.
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> security) {

    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("no Kafka bootstrap servers");
        }
        security = Map.copyOf(new TreeMap<>(security));
    }

    /** A broker without TLS or authentication (tests, a developer's machine). */
    public static KafkaSettings plain(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, Map.of());
    }

    /**
     * From Kafka client properties ({@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*},
     * {@code ssl.*}); other client properties and empty values are left out.
     */
    public static KafkaSettings of(Map<String, ?> clientProperties) {
        Map<String, String> security = new TreeMap<>();
        clientProperties.forEach((key, value) -> {
            String text = value == null ? "" : value.toString().trim();
            // an empty host-name check means "none", as the channels take it; other empty values mean "not set"
            if (isSecurity(key) && (!text.isEmpty() || key.equals(NO_HOST_NAME_CHECK))) {
                security.put(key, text);
            }
        });
        Object servers = clientProperties.get("bootstrap.servers");
        return new KafkaSettings(servers == null ? null : servers.toString(), security);
    }

    private static final String NO_HOST_NAME_CHECK = "ssl.endpoint.identification.algorithm";

    static boolean isSecurity(String key) {
        return key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.");
    }

    /** The properties every client starts from: the address and the security settings. */
    public Properties clientProperties() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.putAll(security);
        return properties;
    }

    /** For logs: the protocol and mechanism, never the credentials. */
    @Override
    public String toString() {
        return bootstrapServers + " (" + security.getOrDefault("security.protocol", "PLAINTEXT")
                + (security.containsKey("sasl.mechanism") ? ", " + security.get("sasl.mechanism") : "") + ")";
    }
}
