package org.junheng.eventsourcing;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junheng.infra.PostgresServer;
import org.junheng.infra.TestInfrastructure;

/** A fresh schema with the kit's tables on the shared test database, and a pool whose search_path is that schema. */
public final class TestDatabase implements AutoCloseable {

    private static final Vertx VERTX = Vertx.vertx();

    private final String schema;
    private final Pool pool;

    private TestDatabase(String schema, Pool pool) {
        this.schema = schema;
        this.pool = pool;
    }

    public static TestDatabase freshSchema(int poolSize) {
        String schema = "es_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        PostgresServer.Database database = TestInfrastructure.shared().database();
        Pool admin = pool(database, "public", 1);
        try {
            admin.query("create schema " + schema).execute().await().indefinitely();
        } finally {
            admin.closeAndAwait();
        }
        Pool pool = pool(database, schema, poolSize);
        pool.query(eventStoreDdl()).execute().await().indefinitely();
        return new TestDatabase(schema, pool);
    }

    /** The kit's migrations in order, as Flyway applies them in a service. */
    public static String eventStoreDdl() {
        StringBuilder ddl = new StringBuilder();
        for (String migration : List.of("V1__event_store.sql", "V2__stream_prefix_index.sql",
                "V3__dead_letters.sql", "V4__relay_offsets.sql")) {
            try (InputStream in = TestDatabase.class.getResourceAsStream("/db/eventsourcing/" + migration)) {
                ddl.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return ddl.toString();
    }

    public static Pool pool(PostgresServer.Database database, String schema, int size) {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(database.host()).setPort(database.port()).setDatabase(database.name())
                .setUser(database.user()).setPassword(database.password())
                .setProperties(Map.of("search_path", schema))
                .setCachePreparedStatements(true);
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(size)).connectingTo(options).using(VERTX).build();
    }

    public String schema() {
        return schema;
    }

    public Pool pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.closeAndAwait();
    }
}
