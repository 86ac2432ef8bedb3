package org.junheng.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junheng.eventsourcing.KafkaSettings;
import org.junit.jupiter.api.Test;

/** The kit's clients read the same settings as the channels, whether written as properties or as variables. */
class KafkaClientSettingsTest {

    static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void environmentVariablesAsKubernetesSetsThemBecomeClientSettings() {
        KafkaSettings settings = KafkaClientSettings.read(config(Map.of(
                "kafka.bootstrap.servers", "junheng-kafka-kafka-bootstrap:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.crt",
                "mp.messaging.incoming.evaluation.group.id", "rectification")));
        assertEquals("junheng-kafka-kafka-bootstrap:9093", settings.bootstrapServers());
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", "/etc/kafka-ca/ca.crt"), settings.security());
    }

    @Test
    void aDevelopersMachineConnectsInPlainText() {
        KafkaSettings settings = KafkaClientSettings.read(config(Map.of("kafka.bootstrap.servers", "127.0.0.1:9092",
                "kafka.auto.offset.reset", "earliest")));
        assertEquals(KafkaSettings.plain("127.0.0.1:9092"), settings);
    }

    @Test
    void namesOutsideKafkaAreNotClientSettings() {
        assertEquals(null, KafkaClientSettings.clientKey("quarkus.http.port"));
        assertEquals("sasl.jaas.config", KafkaClientSettings.clientKey("KAFKA_SASL_JAAS_CONFIG"));
        assertEquals("ssl.truststore.location", KafkaClientSettings.clientKey("kafka.ssl.truststore.location"));
    }
}
