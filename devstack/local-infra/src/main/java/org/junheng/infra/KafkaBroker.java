package org.junheng.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker (KRaft: broker and controller in one process) in its own JVM, run from the
 * jars that {@code devstack/kafka-broker} resolves. Its own JVM keeps the broker's Scala/Jackson/kafka versions off the
 * services' classpath.
 *
 * <p>The broker is started under a small shell watchdog that stops it when the JVM that started it dies, so a killed
 * test run never leaves a broker behind.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());

    private final Process process;
    private final String bootstrapServers;
    private final Path workDir;
    private String scramBootstrapServers;

    private KafkaBroker(Process process, String bootstrapServers, Path workDir) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.workDir = workDir;
    }

    /**
     * A broker as Kubernetes runs it, in small: clients sign in with SCRAM-SHA-512 on {@link #scramBootstrapServers()}
     * (SASL without TLS: the certificates are Strimzi's business, the sign-in and the ACLs are what is tested) and may
     * do only what ACLs allow (StandardAuthorizer, nothing allowed without an ACL). {@link #bootstrapServers()} stays
     * an unauthenticated listener whose clients are super users, for setting up users, ACLs and topics.
     */
    public static KafkaBroker startWithScram(Path workDir) {
        int saslPort = Ports.free();
        KafkaBroker broker = start(workDir, Ports.free(), Ports.free(), true, saslPort);
        broker.scramBootstrapServers = "127.0.0.1:" + saslPort;
        return broker;
    }

    /** The SCRAM listener of a broker from {@link #startWithScram}. */
    public String scramBootstrapServers() {
        if (scramBootstrapServers == null) {
            throw new IllegalStateException("this broker has no SCRAM listener");
        }
        return scramBootstrapServers;
    }

    /** Formats a fresh log directory under {@code workDir} and starts a broker on free loopback ports. */
    public static KafkaBroker start(Path workDir) {
        return start(workDir, Ports.free(), Ports.free(), true);
    }

    /**
     * Starts a broker on the given ports. With {@code fresh} the log directory is wiped and formatted; without it an
     * already formatted directory is reused (the local stack keeps its topics across restarts).
     */
    public static KafkaBroker start(Path workDir, int port, int controllerPort, boolean fresh) {
        return start(workDir, port, controllerPort, fresh, 0);
    }

    private static KafkaBroker start(Path workDir, int port, int controllerPort, boolean fresh, int saslPort) {
        long started = System.nanoTime();
        try {
            Path logDir = workDir.resolve("kafka-logs");
            if (fresh) {
                Files.deleteIfExists(workDir.resolve("server.properties"));
                FileTrees.delete(logDir);
            }
            Files.createDirectories(workDir);
            Path config = workDir.resolve("server.properties");
            Files.writeString(config, serverProperties(port, controllerPort, logDir)
                    + (saslPort == 0 ? "" : scramProperties(port, saslPort, controllerPort)));
            String classpath = BrokerClasspath.resolve();
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(classpath, config, workDir);
            }
            Process process = launch(classpath, config, workDir.resolve("broker.log"));
            String bootstrap = "127.0.0.1:" + port;
            KafkaBroker broker = new KafkaBroker(process, bootstrap, workDir);
            broker.awaitReady(Duration.ofSeconds(60));
            LOG.log(System.Logger.Level.INFO, "Kafka broker ready on {0} in {1} ms", bootstrap,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker in " + workDir, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9: the broker gets no chance to flush or to say goodbye; its log directory stays for a restart. */
    public void kill() {
        // the broker runs under its watchdog shell: SIGKILL the broker itself, not only the shell (which cannot pass
        // a SIGKILL on, and would leave the broker running)
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the broker did not die within 30 s", e);
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String serverProperties(int port, int controllerPort, Path logDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // consumers in tests join at once instead of waiting 3 s for more members
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                // the event history is the product: never expire it locally
                "log.retention.ms=-1",
                "") ;
    }

    /** Overrides (later lines win) adding the SCRAM listener and ACL authorization. */
    static String scramProperties(int port, int saslPort, int controllerPort) {
        return String.join("\n",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort
                        + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms=SCRAM-SHA-512",
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                        + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                // the unauthenticated listener (setup) and the controller are ANONYMOUS
                "super.users=User:ANONYMOUS",
                "allow.everyone.if.no.acl.found=false",
                "auto.create.topics.enable=false",
                "");
    }

    private static void format(String classpath, Path config, Path workDir) throws IOException {
        List<String> command = List.of(Java.binary(), "-cp", classpath,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", config.toString());
        Process format = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("format.log").toFile()).start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka log directory failed; see "
                        + workDir.resolve("format.log") + ":\n" + Files.readString(workDir.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private static Process launch(String classpath, Path config, Path log) throws IOException {
        List<String> java = new ArrayList<>(List.of(Java.binary(), "-Xms256m", "-Xmx768m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-cp", classpath, "kafka.Kafka", config.toString()));
        return Watchdog.launch(java, ProcessHandle.current().pid(), log, Map.of());
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited early; see " + workDir.resolve("broker.log"));
            }
            if (!Ports.accepting("127.0.0.1", Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1)))) {
                Pause.briefly();
                continue;
            }
            try (Admin admin = Admin.create(config)) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = new IllegalStateException(e);
            }
            Pause.briefly();
        }
        close();
        throw new IllegalStateException("the Kafka broker did not become ready in " + timeout + "; see "
                + workDir.resolve("broker.log"), last);
    }
}
