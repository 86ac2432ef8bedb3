package org.junheng.eventsourcing.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junheng.eventsourcing.KafkaSettings;
import org.junit.jupiter.api.Test;

/** The security settings reach every client the kit creates, and only they do. */
class KafkaSettingsTest {

    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"rectification\" password=\"s3cret\";";

    static KafkaSettings scram() {
        Map<String, Object> channel = new HashMap<>();
        channel.put("bootstrap.servers", "junheng-kafka-kafka-bootstrap:9093");
        channel.put("security.protocol", "SASL_SSL");
        channel.put("sasl.mechanism", "SCRAM-SHA-512");
        channel.put("sasl.jaas.config", JAAS);
        channel.put("ssl.truststore.type", "PEM");
        channel.put("ssl.truststore.location", "/etc/kafka-ca/ca.crt");
        channel.put("ssl.keystore.location", "  ");
        channel.put("group.id", "rectification");
        channel.put("auto.offset.reset", "earliest");
        return KafkaSettings.of(channel);
    }

    @Test
    void onlyTheAddressAndTheSecuritySettingsAreKeptAndEmptyValuesAreLeftOut() {
        KafkaSettings settings = scram();
        assertEquals("junheng-kafka-kafka-bootstrap:9093", settings.bootstrapServers());
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS,
                "ssl.truststore.type", "PEM", "ssl.truststore.location", "/etc/kafka-ca/ca.crt"), settings.security());
    }

    @Test
    void theRelaysProducerConnectsSecurelyAndKeepsItsGuarantees() {
        Properties producer = OutboxRelay.producerProperties(scram(), Map.of("client.id", "junheng-rectification-relay"));
        assertEquals("SASL_SSL", producer.get("security.protocol"));
        assertEquals(JAAS, producer.get("sasl.jaas.config"));
        assertEquals("/etc/kafka-ca/ca.crt", producer.get("ssl.truststore.location"));
        assertEquals("junheng-kafka-kafka-bootstrap:9093", producer.get("bootstrap.servers"));
        assertEquals("all", producer.get("acks"));
        assertEquals(true, producer.get("enable.idempotence"));
        assertFalse(producer.containsKey("group.id"), "a consumer's setting is not the producer's");
    }

    @Test
    void aPlainBrokerGetsNoSecuritySettings() {
        Properties producer = OutboxRelay.producerProperties(KafkaSettings.plain("127.0.0.1:9092"), Map.of());
        assertFalse(producer.containsKey("security.protocol"));
        assertEquals("127.0.0.1:9092", producer.get("bootstrap.servers"));
    }

    @Test
    void logsNameTheProtocolButNeverTheCredentials() {
        String logged = scram().toString();
        assertEquals("junheng-kafka-kafka-bootstrap:9093 (SASL_SSL, SCRAM-SHA-512)", logged);
        assertFalse(logged.contains("s3cret"));
    }

    @Test
    void anEmptyHostNameCheckIsKeptAsTheChannelsKeepIt() {
        KafkaSettings settings = KafkaSettings.of(Map.of("bootstrap.servers", "broker:9093",
                "ssl.endpoint.identification.algorithm", "", "sasl.mechanism", ""));
        assertEquals(Map.of("ssl.endpoint.identification.algorithm", ""), settings.security());
    }

    @Test
    void noAddressIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> KafkaSettings.of(Map.of("security.protocol", "SASL_SSL")));
    }
}
