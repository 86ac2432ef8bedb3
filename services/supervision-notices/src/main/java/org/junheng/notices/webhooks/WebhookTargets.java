package org.junheng.notices.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a webhook may be delivered: public internet addresses only, so that a subscriber cannot make the service call
 * its own management ports, the cloud metadata endpoint or anything else inside the network (SSRF) — except the
 * {@code host:port} targets configured as allowed ({@code junheng.webhooks.allowed-targets}, for receivers inside the
 * cluster). Checked when a subscription is registered and again, on the address actually connected to, at every
 * delivery, so a name that later resolves to a private address (DNS rebinding) is refused too.
 */
@jakarta.inject.Singleton
public final class WebhookTargets {

    /** Why a target is refused, in words for the subscriber (never an exception name). */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Set<String> allowed;
    private final Function<String, InetAddress[]> resolver;

    /** @param allowed {@code host:port} entries ({@code host:*} for any port), compared case-insensitively */
    @jakarta.inject.Inject
    public WebhookTargets(@org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "junheng.webhooks.allowed-targets") java.util.Optional<List<String>> allowed) {
        this(allowed.orElse(List.of()), WebhookTargets::dns);
    }

    WebhookTargets(List<String> allowed, Function<String, InetAddress[]> resolver) {
        this.allowed = Set.copyOf(allowed.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).filter(a -> !a.isEmpty())
                .toList());
        this.resolver = resolver;
    }

    /** The address to connect to for {@code url}: its first address, when every address it has is public. */
    public InetAddress resolve(URI url) throws Refused {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Refused("须为 http(s) 地址 (an http(s) URL)");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            throw new Refused("须为 http(s) 地址，不含用户名 (an http(s) URL with a host and no user name)");
        }
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        InetAddress[] addresses = resolver.apply(host);
        if (addresses == null || addresses.length == 0) {
            throw new Refused("无法解析该地址 (the host does not resolve)");
        }
        if (allowed.contains((host + ":" + port(url)).toLowerCase(Locale.ROOT))
                || allowed.contains((host + ":*").toLowerCase(Locale.ROOT))) {
            return addresses[0];
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new Refused("只能推送到公网地址 (only public internet addresses; this one is internal)");
            }
        }
        return addresses[0];
    }

    public static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** Not loopback, private, link-local, shared (CGNAT), multicast, reserved, documentation or unique-local. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || first >= 240 // this network; reserved and broadcast
                    || first == 100 && second >= 64 && second < 128 // shared address space (CGNAT)
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 192 && second == 0 && (b[2] & 0xff) == 2 // documentation
                    || first == 198 && (second == 18 || second == 19) // benchmarking
                    || first == 198 && second == 51 && (b[2] & 0xff) == 100
                    || first == 203 && second == 0 && (b[2] & 0xff) == 113);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // documentation 2001:db8::/32
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static InetAddress[] dns(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }
}
