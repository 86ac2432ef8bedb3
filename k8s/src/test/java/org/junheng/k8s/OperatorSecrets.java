package org.junheng.k8s;

import java.util.Optional;
import java.util.Set;

/**
 * Secrets the operators create, and the keys they put in them: CloudNativePG's {@code <cluster>-app} for a cluster's
 * application owner, Strimzi's {@code <user>} for a SCRAM-SHA-512 KafkaUser, and Strimzi's
 * {@code <kafka>-cluster-ca-cert} with the CA that signs the brokers' certificates.
 */
final class OperatorSecrets {

    static final Set<String> CNPG_APP_KEYS = Set.of("username", "password", "host", "port", "dbname", "pgpass",
            "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri");
    static final Set<String> SCRAM_USER_KEYS = Set.of("password", "sasl.jaas.config");
    static final Set<String> CLUSTER_CA_CERT_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");

    private OperatorSecrets() {
    }

    /** The keys the Secret will hold and who makes it, when an operator generates it. */
    static Optional<Generated> generated(String secret, Manifests manifests) {
        for (KubeObject cluster : manifests.ofKind("Cluster")) {
            if (cluster.group().equals("postgresql.cnpg.io") && secret.equals(cluster.name() + "-app")
                    && !cluster.spec().path("bootstrap").path("initdb").has("secret")) {
                return Optional.of(new Generated("CloudNativePG", CNPG_APP_KEYS));
            }
        }
        for (KubeObject user : manifests.ofKind("KafkaUser")) {
            if (user.name().equals(secret)
                    && user.spec().at("/authentication/type").asText().equals("scram-sha-512")) {
                return Optional.of(new Generated("Strimzi", SCRAM_USER_KEYS));
            }
        }
        for (KubeObject kafka : manifests.ofKind("Kafka")) {
            if (secret.equals(kafka.name() + "-cluster-ca-cert")) {
                return Optional.of(new Generated("Strimzi", CLUSTER_CA_CERT_KEYS));
            }
        }
        return Optional.empty();
    }

    record Generated(String operator, Set<String> keys) {
    }
}
