package org.zhiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar serving HTTPS itself with a configured certificate (docs/transport.md, GB/T 39786 8.2): it then
 * sends HSTS and marks its session cookie Secure. On plain HTTP it does neither
 * ({@code ContentSecurityPolicyIntegrationTests.onPlainHttpNeitherHstsNorSecureCookiesAreSent}).
 */
class ShippedOverHttpsTour {

    @Test
    void overHttpsTheLoginPageSendsHstsAndASecureSessionCookie(@TempDir Path folder) throws Exception {
        Path keyStore = folder.resolve("tls.p12");
        generateCertificate(keyStore);
        SSLContext trust = trusting(keyStore);
        try (ShippedApplication application = ShippedApplication.startOverHttps(keyStore, trust)) {
            HttpResponse<String> login = HttpClient.newBuilder().sslContext(trust).build().send(HttpRequest
                    .newBuilder(URI.create(application.baseUrl() + "/login")).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("登录");
            assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                    hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
            assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .contains("SESSION").contains("; Secure").contains("HttpOnly"));
        }
    }

    /** A self-signed certificate for localhost, as an administrator would make one with the JDK's keytool. */
    private static void generateCertificate(Path keyStore) throws IOException, InterruptedException {
        Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "zhiban", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", ShippedApplication.KEY_STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
    }

    /** A client that trusts this certificate alone, with the usual checks of name and dates. */
    private static SSLContext trusting(Path keyStore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, ShippedApplication.KEY_STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
