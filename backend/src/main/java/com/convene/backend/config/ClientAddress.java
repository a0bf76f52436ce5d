package com.convene.backend.config;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The one place that decides a request's client address: the sign-in limits, the audit log and anything else
/// that asks Micronaut's [HttpClientAddressResolver] (this bean replaces the framework's default, which believes
/// `X-Forwarded-For` and `Forwarded` from anyone).
///
/// The TCP peer is the client unless it is one of [TrustedProxyConfig#trustedProxies()]. Only then are the
/// forwarding headers read, right to left (each proxy appends the address it saw, so the rightmost entries are
/// the ones our own proxies wrote): trusted proxies are skipped and the first other address is the client
/// (RFC 7239 §5.2 and §7.4; the same walk as nginx' `real_ip_recursive on`). `Forwarded` is preferred over
/// `X-Forwarded-For` when both are present. A header entry that is not an IP literal (`unknown`, an obfuscated
/// `_node`, garbage) stops the walk and the last trusted hop is the answer, so a forged value can never become
/// the client address. CIDR matching uses the `inet.ipaddr` library.
///
/// Thread-safe and allocation-light; never blocks (no DNS: literals only).
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
public final class ClientAddress implements HttpClientAddressResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAddress.class);
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final List<IPAddress> trusted;

    ClientAddress(TrustedProxyConfig config) {
        List<IPAddress> blocks = new ArrayList<>();
        for (String entry : config.trustedProxies()) {
            IPAddress block = new IPAddressString(entry).getAddress();
            if (block == null) {
                throw new IllegalArgumentException("convene.http.trusted-proxies: not an address or CIDR block: "
                        + entry);
            }
            blocks.add(block.toPrefixBlock());
        }
        this.trusted = List.copyOf(blocks);
        if (!trusted.isEmpty()) {
            LOG.info("Forwarding headers are believed from {} trusted proxy block(s)", trusted.size());
        }
    }

    /// The client's address as a canonical IP literal (`203.0.113.7`, `2001:db8::1`), or `unknown` when the
    /// request has no remote address (never the case for a real socket).
    @Override
    public String resolve(HttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        IPAddress peer = remote == null || remote.getAddress() == null ? null
                : new IPAddressString(remote.getAddress().getHostAddress()).getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (!isTrusted(peer)) {
            return canonical(peer);
        }
        HttpHeaders headers = request.getHeaders();
        List<String> hops = forwardedFor(headers.getAll(HttpHeaders.FORWARDED));
        if (hops.isEmpty()) {
            hops = xForwardedFor(headers.getAll(X_FORWARDED_FOR));
        }
        IPAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            IPAddress hop = parse(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return canonical(client);
    }

    /// Whether `address` lies in one of the trusted proxy blocks.
    boolean isTrusted(IPAddress address) {
        IPAddress plain = plain(address);
        for (IPAddress block : trusted) {
            if (block.contains(plain)) {
                return true;
            }
        }
        return false;
    }

    /// `for=` values of RFC 7239 `Forwarded` headers, in order (several headers and comma-joined elements alike).
    static List<String> forwardedFor(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String element : value.split(",")) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        hops.add(pair.substring(eq + 1).strip());
                    }
                }
            }
        }
        return hops;
    }

    /// Entries of `X-Forwarded-For` headers, in order.
    static List<String> xForwardedFor(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    hops.add(entry.strip());
                }
            }
        }
        return hops;
    }

    /// An IP literal from a header entry (`"[2001:db8::1]:4711"`, `198.51.100.2:80`, `198.51.100.2`), else null.
    static @Nullable IPAddress parse(String entry) {
        String text = entry.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            text = close < 0 ? "" : text.substring(1, close);
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) {
            text = text.substring(0, text.indexOf(':')); // IPv4 with a port
        }
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        IPAddressString candidate = new IPAddressString(text);
        if (!candidate.isIPAddress() || candidate.isPrefixed()) {
            return null;
        }
        return candidate.getAddress();
    }

    private static String canonical(IPAddress address) {
        return plain(address).withoutPrefixLength().toCanonicalString();
    }

    /// An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, as a dual-stack socket reports IPv4 peers) as IPv4.
    private static IPAddress plain(IPAddress address) {
        return address.isIPv6() && address.toIPv6().isIPv4Mapped() ? address.toIPv6().getEmbeddedIPv4Address()
                : address;
    }
}
