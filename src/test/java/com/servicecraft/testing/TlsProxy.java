package com.servicecraft.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's HAProxy terminating TLS in front of a {@link TestServer}, as an operator would put it
 * there: it listens on https with a self-signed certificate made for the test (by the JDK's
 * keytool, for 127.0.0.1), overwrites {@code X-Forwarded-Proto} with {@code https}, drops any
 * {@code Forwarded} header a client sent, and passes requests to the application over plain http.
 * Tests skip without {@code /usr/sbin/haproxy}, except in CI, where it must be installed.
 */
public final class TlsProxy implements AutoCloseable {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    private final Process process;
    private final int port;
    private final SSLContext trust;
    private final Path log;

    private TlsProxy(Process process, int port, SSLContext trust, Path log) {
        this.process = process;
        this.port = port;
        this.trust = trust;
        this.log = log;
    }

    public static void requireHaproxy() {
        if (!Files.isExecutable(HAPROXY)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI needs " + HAPROXY + " (apt-get install haproxy)");
            }
            Assumptions.abort("haproxy not installed");
        }
    }

    /** HAProxy on a free port, forwarding to {@code app}; returns once it accepts connections. */
    public static TlsProxy inFrontOf(TestServer app) throws Exception {
        requireHaproxy();
        Path dir = Files.createDirectories(Path.of("target", "tls-proxy")).toAbsolutePath();
        dir = Files.createTempDirectory(dir, "haproxy");
        Path keyStore = dir.resolve("proxy.p12");
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "proxy",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD);
        }
        Certificate certificate = store.getCertificate("proxy");
        PrivateKey key = (PrivateKey) store.getKey("proxy", STORE_PASSWORD);
        Path pem = dir.resolve("proxy.pem");
        Files.writeString(pem, pem("CERTIFICATE", certificate.getEncoded()) + pem("PRIVATE KEY", key.getEncoded()));

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String appAddress = app.baseUrl().substring("http://".length());
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, String.join("\n",
                "global",
                "  maxconn 200",
                "defaults",
                "  mode http",
                "  timeout connect 5s",
                "  timeout client 60s",
                "  timeout server 120s",
                "frontend https_in",
                "  bind 127.0.0.1:" + port + " ssl crt " + pem,
                // Overwrite, never append: what the client claims about its own connection is not believed.
                "  http-request set-header X-Forwarded-Proto https",
                "  http-request del-header Forwarded",
                "  option forwardfor",
                "  default_backend app",
                "backend app",
                "  server app1 " + appAddress,
                ""));
        Path log = dir.resolve("haproxy.log");
        Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("proxy", certificate);
        tmf.init(trusted);
        SSLContext trust = SSLContext.getInstance("TLS");
        trust.init(null, tmf.getTrustManagers(), null);
        TlsProxy proxy = new TlsProxy(process, port, trust, log);
        proxy.awaitListening();
        return proxy;
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy ended: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("haproxy does not listen on " + port + ": " + Files.readString(log));
    }

    /** The address a browser uses: https on the proxy. */
    public String baseUrl() {
        return "https://127.0.0.1:" + port;
    }

    /** TLS that trusts exactly the proxy's self-signed certificate (and checks its host name). */
    public SSLContext sslContext() {
        return trust;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
