package org.junheng.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junheng.eventsourcing.KafkaSettings;

/**
 * The service's Kafka address and connection security, read the way Quarkus reads them for the SmallRye channels:
 * {@code kafka.*} properties or {@code KAFKA_*} environment variables ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_*}). The relay, its
 * broker-history reader and the consumer-lag check take them from here, so they connect as the channels do.
 */
@ApplicationScoped
public class KafkaClientSettings {

    @Produces
    @Singleton
    KafkaSettings kafkaSettings(Config config) {
        return read(config);
    }

    static KafkaSettings read(Config config) {
        Map<String, String> client = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            String key = clientKey(name);
            if (key != null) {
                config.getOptionalValue(name, String.class).ifPresent(value -> client.put(key, value));
            }
        }
        return KafkaSettings.of(client);
    }

    /** {@code kafka.sasl.mechanism} and {@code KAFKA_SASL_MECHANISM} both name the client's {@code sasl.mechanism}. */
    static String clientKey(String name) {
        if (name.startsWith("kafka.")) {
            return name.substring("kafka.".length());
        }
        if (name.startsWith("KAFKA_")) {
            return name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
    }
}
