package com.servicecraft.shared.persistence;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The embedded H2 file database shares itself with a second process (AUTO_SERVER) through a TCP port.
 * That port must only be reachable from this machine: H2's default listens on every interface.
 */
class EmbeddedH2ServerTest {

    @Test
    void theAutoServerPortListensOnLoopbackOnly() throws Exception {
        Path dir = Files.createTempDirectory("servicecraft-h2-bind");
        try (Database db = Database.open(new DatabaseSettings(DatabaseSettings.h2FileUrl(dir.resolve("bind")), "sa", "", 2))) {
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve("bind.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            }
            List<InetAddress> others = NetworkInterface.networkInterfaces().filter(this::up)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList();
            assumeFalse(others.isEmpty(), "this machine has no other interface to try");
            for (InetAddress other : others) {
                assertThrows(ConnectException.class, () -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(other, port), 5000);
                    }
                }, "port " + port + " must not answer on " + other);
            }
        }
    }

    private boolean up(NetworkInterface n) {
        try {
            return n.isUp();
        } catch (IOException e) {
            return false;
        }
    }
}
