package org.junheng.bench;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junheng.infra.PostgresServer;
import org.junheng.infra.TestInfrastructure;

/** A schema holding the kit's tables, on the run's own database. */
final class BenchDatabase {

    private static final Vertx VERTX = Vertx.vertx();

    private BenchDatabase() {
    }

    static Pool freshSchema(String schema, int poolSize) {
        PostgresServer.Database database = TestInfrastructure.shared().database();
        Pool admin = pool(database, "public", 1);
        admin.query("drop schema if exists " + schema + " cascade; create schema " + schema).execute()
                .await().indefinitely();
        admin.closeAndAwait();
        Pool pool = pool(database, schema, poolSize);
        pool.query(resource("/db/eventsourcing/V1__event_store.sql")).execute().await().indefinitely();
        pool.query(resource("/db/eventsourcing/V2__stream_prefix_index.sql")).execute().await().indefinitely();
        pool.query(resource("/db/eventsourcing/V3__dead_letters.sql")).execute().await().indefinitely();
        pool.query(resource("/db/eventsourcing/V4__relay_offsets.sql")).execute().await().indefinitely();
        return pool;
    }

    static Pool pool(PostgresServer.Database database, String schema, int size) {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(database.host()).setPort(database.port()).setDatabase(database.name())
                .setUser(database.user()).setPassword(database.password())
                .setProperties(Map.of("search_path", schema))
                .setCachePreparedStatements(true);
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(size)).connectingTo(options).using(VERTX).build();
    }

    static String resource(String path) {
        try (InputStream in = BenchDatabase.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** About 200 bytes of JSON, the size of a typical finding or task event. */
    static String payload(int i) {
        return "{\"findingId\":\"500104-2024-5001040001-P-RA5\",\"indicator\":\"RA5\",\"measured\":6.12,"
                + "\"required\":7.5,\"gap\":\"还需运动场馆面积 1240 m²\",\"n\":" + i + "}";
    }
}
