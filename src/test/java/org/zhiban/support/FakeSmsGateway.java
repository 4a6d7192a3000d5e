package org.zhiban.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** A local SMS gateway for tests: records every request body and can be told to fail the next ones. */
public final class FakeSmsGateway {

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    public FakeSmsGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/sms", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
                if (status == 200) {
                    received.add(body);
                }
                exchange.sendResponseHeaders(status, -1);
            }
            finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
    }

    public void failNext(int times) {
        failNext.set(times);
    }
}
