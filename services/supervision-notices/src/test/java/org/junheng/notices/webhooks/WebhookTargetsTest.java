package org.junheng.notices.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    static final WebhookTargets NONE_ALLOWED = new WebhookTargets(java.util.Optional.empty());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9081/q/health", "http://169.254.169.254/latest/meta-data",
            "http://[::1]/", "http://2130706433/", "http://localhost/", "http://10.1.2.3/", "http://192.168.1.1/",
            "http://172.16.0.1/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[fd00::1]/", "http://[fe80::1]/",
            "http://[::ffff:127.0.0.1]/", "http://224.0.0.1/", "http://203.0.113.7/", "https://user:pw@8.8.8.8/"})
    void internalAndReservedTargetsAreRefused(String url) {
        assertThrows(WebhookTargets.Refused.class, () -> NONE_ALLOWED.resolve(URI.create(url)));
    }

    @Test
    void publicTargetsPassAndConfiguredInClusterReceiversToo() throws Exception {
        assertEquals("8.8.8.8", NONE_ALLOWED.resolve(URI.create("https://8.8.8.8/hook")).getHostAddress());
        assertEquals("2001:4860:4860:0:0:0:0:8888",
                NONE_ALLOWED.resolve(URI.create("https://[2001:4860:4860::8888]/")).getHostAddress());
        WebhookTargets cluster = new WebhookTargets(List.of("10.0.0.5:8443", "receiver.svc:*"),
                host -> host.equals("receiver.svc") ? new InetAddress[] {address("10.0.0.9")}
                        : new InetAddress[] {address(host)});
        assertEquals("10.0.0.5", cluster.resolve(URI.create("https://10.0.0.5:8443/hook")).getHostAddress());
        assertEquals("10.0.0.9", cluster.resolve(URI.create("http://receiver.svc:8080/hook")).getHostAddress());
        assertThrows(WebhookTargets.Refused.class, () -> cluster.resolve(URI.create("https://10.0.0.5:9081/")),
                "another port of an allowed host is not allowed");
        assertThrows(WebhookTargets.Refused.class, () -> cluster.resolve(URI.create("ftp://8.8.8.8/")));
    }

    @Test
    void aNameThatLaterResolvesInsideIsRefusedAtDelivery() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        WebhookTargets rebinding = new WebhookTargets(List.of(), host -> new InetAddress[] {
                address(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")});
        URI url = URI.create("https://hooks.example.org/in");
        assertEquals("93.184.216.34", rebinding.resolve(url).getHostAddress(), "at registration");
        assertThrows(WebhookTargets.Refused.class, () -> rebinding.resolve(url), "at delivery");
        WebhookTargets unknown = new WebhookTargets(List.of(), host -> new InetAddress[0]);
        assertThrows(WebhookTargets.Refused.class, () -> unknown.resolve(url));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
