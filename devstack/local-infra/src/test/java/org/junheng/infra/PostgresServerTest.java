package org.junheng.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The embedded fallback must work even on a machine where a system PostgreSQL is running (CI has one). */
class PostgresServerTest {

    @Test
    void embeddedServerStartsAsRootAndHostsAFreshUtf8Database() throws Exception {
        Path dir = Path.of(System.getProperty("junheng.work.dir", "target/infra"), "embedded-pg-test");
        try (PostgresServer server = PostgresServer.startEmbedded(dir)) {
            assertTrue(server.embedded());
            PostgresServer.Database database = server.createDatabase("junheng_embedded_check");
            try (Connection connection = server.connect(database.name());
                 ResultSet rows = connection.createStatement().executeQuery("select '大渡口区'::text, current_setting('server_encoding')")) {
                rows.next();
                assertEquals("大渡口区", rows.getString(1));
                assertEquals("UTF8", rows.getString(2));
            }
        }
    }
}
