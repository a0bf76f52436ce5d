package com.convene.sfu.transport;

import java.net.InetSocketAddress;

/// Receives every datagram the [UdpSocketLoop] reads. Called on the loop thread only.
public interface DatagramHandler {

    /// Handles one datagram. Must not throw, block or keep a reference to `buffer` after returning.
    ///
    /// @param buffer      the loop's receive buffer
    /// @param length      datagram length in bytes, 0–1,500
    /// @param source      sender address
    /// @param arrivalNanos monotonic arrival time in ns
    void onDatagram(byte[] buffer, int length, InetSocketAddress source, long arrivalNanos);
}
