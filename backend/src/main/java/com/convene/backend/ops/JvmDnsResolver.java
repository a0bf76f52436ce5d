package com.convene.backend.ops;

import io.lettuce.core.resource.ClientResources;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.configuration.lettuce.ClientResourcesMutator;
import io.netty.resolver.DefaultAddressResolverGroup;
import jakarta.inject.Singleton;

/// Makes the Redis client resolve host names with the JVM's resolver (`InetAddress`, with its cache) instead of
/// Netty's asynchronous DNS resolver, which Lettuce picks whenever `netty-resolver-dns` is on the class path.
///
/// Why: Netty's resolver opens a UDP socket per event loop bound to the wildcard address (0.0.0.0, an ephemeral
/// port) and keeps them for the life of the process; junk sent to them was decoded and logged with a stack trace
/// and the sender's bytes (finding 8 of issue 15, docs/decisions/095). The JVM resolver opens no listening socket.
/// Lettuce resolves only when it connects or reconnects, and the Redis address is usually an IP or a name in
/// `/etc/hosts`, so the blocking lookup on Lettuce's I/O thread costs nothing in practice.
@Singleton
final class JvmDnsResolver implements ClientResourcesMutator {

    @Override
    public void mutate(ClientResources.Builder builder, AbstractRedisConfiguration configuration) {
        builder.addressResolverGroup(DefaultAddressResolverGroup.INSTANCE);
    }
}
