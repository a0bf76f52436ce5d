package com.convene.backend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/// [ClientAddress] on its own: which address a request's peer and forwarding headers yield, with and without
/// trusted proxies (RFC 7239 `Forwarded`, `X-Forwarded-For`).
class ClientAddressTest {

    @Test
    void ignoresForwardingHeadersFromAnUntrustedPeer() {
        ClientAddress resolver = new ClientAddress(new TrustedProxyConfig(List.of()));
        assertThat(resolver.resolve(request("192.0.2.10", "X-Forwarded-For", "203.0.113.66"))).isEqualTo("192.0.2.10");
        assertThat(resolver.resolve(request("192.0.2.10", "Forwarded", "for=203.0.113.66"))).isEqualTo("192.0.2.10");
    }

    @Test
    void takesTheRightmostUntrustedHopBehindTrustedProxies() {
        ClientAddress resolver = new ClientAddress(new TrustedProxyConfig(List.of("10.0.0.0/8", "192.0.2.10")));
        // the client forged the first entry; our proxy appended what it saw
        assertThat(resolver.resolve(request("192.0.2.10", "X-Forwarded-For", "203.0.113.66, 198.51.100.7")))
                .isEqualTo("198.51.100.7");
        // two proxies of ours in a row are skipped
        assertThat(resolver.resolve(request("192.0.2.10", "X-Forwarded-For", "198.51.100.7, 10.1.2.3")))
                .isEqualTo("198.51.100.7");
        assertThat(resolver.resolve(request("192.0.2.10", "Forwarded",
                "for=\"[2001:db8::7]:4711\";proto=https, for=10.9.9.9"))).isEqualTo("2001:db8::7");
        // no header: the proxy itself
        assertThat(resolver.resolve(request("10.0.0.1", null, null))).isEqualTo("10.0.0.1");
    }

    @Test
    void stopsAtAnEntryThatIsNotAnAddress() {
        ClientAddress resolver = new ClientAddress(new TrustedProxyConfig(List.of("192.0.2.10")));
        assertThat(resolver.resolve(request("192.0.2.10", "X-Forwarded-For", "203.0.113.66, unknown")))
                .isEqualTo("192.0.2.10");
        assertThat(resolver.resolve(request("192.0.2.10", "Forwarded", "for=_hidden"))).isEqualTo("192.0.2.10");
        assertThat(resolver.resolve(request("192.0.2.10", "X-Forwarded-For", "10.0.0.0/8"))).isEqualTo("192.0.2.10");
    }

    @Test
    void reportsIpv4MappedPeersAsIpv4() {
        ClientAddress resolver = new ClientAddress(new TrustedProxyConfig(List.of("127.0.0.1")));
        assertThat(resolver.resolve(request("::ffff:127.0.0.1", "X-Forwarded-For", "198.51.100.7")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void refusesAConfigurationEntryThatIsNotAnAddress() {
        assertThatThrownBy(() -> new ClientAddress(new TrustedProxyConfig(List.of("proxy.internal"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.internal");
    }

    private static HttpRequest<?> request(String peer, String header, String value) {
        MutableHttpRequest<?> request = HttpRequest.GET("/x");
        if (header != null) {
            request.header(header, value);
        }
        InetSocketAddress remote = new InetSocketAddress(java.net.InetAddress.ofLiteral(peer), 40000);
        return new io.micronaut.http.simple.SimpleHttpRequest<>(request.getMethod(), "/x", null) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return remote;
            }

            @Override
            public io.micronaut.http.MutableHttpHeaders getHeaders() {
                return request.getHeaders();
            }
        };
    }
}
